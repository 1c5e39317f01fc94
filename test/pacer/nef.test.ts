import { describe, expect, it } from "vitest";
import { parseNef } from "../../server/pacer";

/**
 * NEF layouts the developer fixtures do not cover: an appellate "Notice of Docket Activity"
 * (read as the reference reads it) and the ACMS layout (turned down).
 */

const NDA_HTML = `<p><strong>***NOTE TO PUBLIC ACCESS USERS***</strong> Judicial Conference policy permits one free copy.</p>
<p align="center"><strong>United States Court of Appeals for the Second Circuit</strong></p>
<p align="center"><strong>Notice of Docket Activity</strong></p>
<p>The following transaction was filed on 10/28/2022</p>
<table>
<tr><td><strong>Case Name:</strong></td><td>New York State Telecommunicati v. James</td></tr>
<tr><td><strong>Case Number:</strong></td><td><a href="https://ecf.ca2.uscourts.gov/n/beam/servlet/TransportRoom?servlet=CaseSummary.jsp&amp;caseId=331218">21-1975</a></td></tr>
<tr><td><strong>Document(s):</strong></td><td><a href="https://ecf.ca2.uscourts.gov/docs1/00208721516?uid=b775e9908ad79ce2">Document(s)</a></td></tr>
</table>
<p><strong>Docket Text:</strong><br>LETTER, on behalf of Appellee Letitia James, RECEIVED. Service date 10/28/2022 by CM/ECF. [3408143] [21-1975]</p>
<p><strong>Notice will be electronically mailed to:</strong><br>
Jane Roe   jroe@example.com<br>
Richard Miles   rmiles@example.org, docket@example.org<br></p>
<p><strong>Document Description: </strong>Letter_Received<br></p>`;

function ndaMessage(subject: string): string {
  return [
    "From: cmecf@ca2.uscourts.gov",
    "To: courts@example.org",
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    "Content-Type: text/html",
    "",
    NDA_HTML,
    "",
  ].join("\n");
}

describe("appellate notices (Notice of Docket Activity)", () => {
  it("reads the case, the document link and the recipients", async () => {
    const notice = await parseNef(ndaMessage('21-1975 New York State Telecommunicati v. James "Letter RECEIVED"'), "ca2");
    expect(notice).toMatchObject({
      court_id: "ca2",
      appellate: true,
      acms: false,
      contains_attachments: false,
      email_recipients: [
        { name: "Jane Roe", email_addresses: ["jroe@example.com"] },
        { name: "Richard Miles", email_addresses: ["rmiles@example.org", "docket@example.org"] },
      ],
    });
    expect(notice).toHaveProperty("dockets", [
      {
        case_name: "New York State Telecommunicati v. James",
        docket_number: "21-1975",
        date_filed: null,
        federal_dn_office_code: null,
        federal_dn_case_type: null,
        federal_dn_judge_initials_assigned: null,
        federal_dn_judge_initials_referred: null,
        federal_defendant_number: null,
        docket_entries: [
          {
            date_filed: "2022-10-28",
            description: "LETTER, on behalf of Appellee Letitia James, RECEIVED. Service date 10/28/2022 by CM/ECF. [3408143] [21-1975]",
            short_description: "Letter RECEIVED", // a tie with the footer goes to the Subject
            document_url: "https://ecf.ca2.uscourts.gov/docs1/00208721516?uid=b775e9908ad79ce2",
            document_number: null,
            pacer_doc_id: "00208721516",
            pacer_case_id: "331218",
            pacer_seq_no: null,
            pacer_magic_num: "b775e9908ad79ce2",
          },
        ],
      },
    ]);
  });

  it("takes the longer of the Subject's quoted description and the footer's", async () => {
    const notice = await parseNef(ndaMessage('21-1975 New York State Telecommunicati v. James "Letter RECEIVED from appellee"'), "ca2");
    expect(notice).toHaveProperty(["dockets", 0, "docket_entries", 0, "short_description"], "Letter RECEIVED from appellee");
  });

  it("turns down the ACMS layout, which it does not read", async () => {
    const acms = `<div><strong>Notice of Docket Activity</strong></div>
      <div><strong>Case Name:</strong> <span>Doe v. Roe</span></div>
      <div><strong>Case Number:</strong> <a href="https://example.org">24-1</a></div>
      <div>The following transaction was filed on 1/2/2024</div>`;
    expect(await parseNef(acms, "ca9")).toEqual({});
  });
});

describe("bare NEF bodies", () => {
  it("reads a plain-text body given without e-mail headers", async () => {
    const body = [
      "Notice of Electronic Filing",
      "The following transaction was entered on 4/8/2025 4:18 PM EDT and filed on 4/8/2025",
      "Case Name: Doe v. Roe",
      "Case Number: 8:23-cv-00705-KKM-AAS https://ecf.flmd.uscourts.gov/cgi-bin/DktRpt.pl?412491",
      "Document Number: 88",
      "Docket Text:",
      "ORDER granting [87] Motion for Extension of Time. (KMP)",
      "",
      "8:23-cv-00705-KKM-AAS Notice has been electronically mailed to:",
      "Jane Roe",
      "jroe@example.com",
      "",
    ].join("\n");
    const notice = await parseNef(body, "flmd");
    expect(notice).toHaveProperty(["dockets", 0, "docket_number"], "8:23-cv-00705");
    expect(notice).toHaveProperty(
      ["dockets", 0, "docket_entries", 0, "description"],
      "ORDER granting [87] Motion for Extension of Time. (KMP)",
    );
    expect(notice).toHaveProperty(["dockets", 0, "docket_entries", 0, "pacer_case_id"], "412491");
    expect(notice).toHaveProperty("email_recipients", [{ name: "Jane Roe", email_addresses: ["jroe@example.com"] }]);
  });
});
