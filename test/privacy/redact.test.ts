import { describe, expect, it } from "vitest";
import { redactText } from "../../server/privacy/redact";

describe("redactText", () => {
  it("keeps only the last four digits of a social-security number", () => {
    expect(redactText("SSN 123-45-6789 on exhibit")).toBe("SSN XXX-XX-6789 on exhibit");
  });

  it("keeps only the last four digits of an account number", () => {
    expect(redactText("account 4111 1111 1111 1234")).toBe("account XXXX1234");
  });

  it("keeps only the year of a labelled birth date", () => {
    expect(redactText("DOB: 04/12/1958")).toBe("DOB: 1958");
    expect(redactText("born March 3, 1960")).toBe("born 1960");
  });

  it("withholds e-mail addresses and phone numbers", () => {
    expect(redactText("write to jdoe@example.org or call (415) 555-0100")).toBe("write to [e-mail withheld] or call [phone withheld]");
  });

  it("leaves docket numbers, dates and ECF numbers alone", () => {
    const text = "ORDER in 5:26-mc-80026 re 12 MOTION filed 02/02/2026 (Entered: 02/03/2026)";
    expect(redactText(text)).toBe(text);
  });
});
