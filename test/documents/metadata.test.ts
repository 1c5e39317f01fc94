import { PDFDocument, PDFName } from "@cantoo/pdf-lib";
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { readPdfMetadata, stripPdfMetadata } from "../../server/documents/metadata";
import { readPdf } from "../../server/documents/pdf";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, signIn } from "../support/auth";
import { insertCase, insertEntry } from "../support/factories";
import { guardOf, releaseAllHolds } from "../support/guard";
import { parseHtml } from "../support/html";
import { minimalPdf, multipartBody, tempDataDir } from "./support";

/*
 * Issue 9.3: a filing's PDF carries who made it. Staff are told on upload; the public download
 * is a copy without the information dictionary or the XMP packet, read back here with two PDF
 * readers (pdf-lib for the metadata, PDF.js for the pages and text).
 */

const AUTHOR = "Jonathan Q. Publico";
const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${AUTHOR}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A filing as a word processor writes it: an information dictionary and an XMP packet naming its author. */
async function pdfWithMetadata(): Promise<Buffer> {
  const pdf = await PDFDocument.load(minimalPdf(["Declaration in support of the motion to quash"]), { updateMetadata: false });
  pdf.setTitle("Declaration of J. Doe");
  pdf.setAuthor(AUTHOR);
  pdf.setSubject("Motion to quash");
  pdf.setKeywords(["subpoena", "Publico"]);
  pdf.setCreator("Microsoft Word for Jonathan Publico");
  pdf.setProducer("macOS Quartz PDFContext");
  const xmp = pdf.context.stream(XMP, { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(xmp));
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

describe("PDF metadata", () => {
  it("reads what the file says about itself, and writes a copy that says nothing but keeps every page and word", async () => {
    const original = await pdfWithMetadata();
    expect(await readPdfMetadata(original)).toEqual({
      title: "Declaration of J. Doe",
      author: AUTHOR,
      subject: "Motion to quash",
      keywords: "subpoena Publico",
      creator: "Microsoft Word for Jonathan Publico",
      producer: "macOS Quartz PDFContext",
      xmp: XMP,
    });
    const stripped = await stripPdfMetadata(original);
    expect(await readPdfMetadata(stripped)).toEqual({
      title: null,
      author: null,
      subject: null,
      keywords: null,
      creator: null,
      producer: null,
      xmp: null,
    });
    expect(stripped.toString("latin1")).not.toMatch(/Publico|Quartz|Microsoft|xmpmeta|Declaration of J/);
    expect(await readPdf(stripped)).toEqual(await readPdf(original));
  });

  describe("on upload and download", () => {
    let app: FastifyInstance;
    let db: Db;
    afterEach(async () => app.close());

    async function uploadFiling() {
      ({ app, db } = await buildTestApp({ config: { dataDir: tempDataDir() } }));
      await createUser(app, { email: "editor@example.org", role: "editor" });
      const cookie = await signIn(app, "editor@example.org");
      const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
      const entry = insertEntry(db, kase.id, { number: 12, description: "DECLARATION" });
      const url = `/staff/cases/doe-v-dhs/entries/${entry.id}/documents`;
      const page = await app.inject({ url, headers: { cookie } });
      const body = multipartBody(
        { _csrf: csrfFrom(page.body), attachmentNumber: "0" },
        { fileName: "decl.pdf", content: await pdfWithMetadata() },
      );
      const res = await app.inject({ method: "POST", url, headers: { cookie, "content-type": body.contentType }, payload: body.payload });
      expect(res.statusCode).toBe(303);
      return { cookie, kase, entry, location: res.headers.location as string };
    }

    it("tells staff on upload what metadata the file carried", async () => {
      const { cookie, location } = await uploadFiling();
      const notice = parseHtml((await app.inject({ url: location, headers: { cookie } })).body)('[role="status"]').text();
      expect(notice).toContain(`Author “${AUTHOR}”`);
      expect(notice).toContain("Creator (the application that made it) “Microsoft Word for Jonathan Publico”");
      expect(notice).toMatch(/an XMP metadata packet \(\d+ characters\)/);
      expect(notice).toContain("Public downloads are a copy without any of it.");
    });

    it("serves the public a download without metadata that still opens, with every page and word", async () => {
      const { entry } = await uploadFiling();
      const document = db.$client.prepare("SELECT id FROM documents WHERE entry_id = ?").get(entry.id) as { id: number };
      const res = await app.inject(`/documents/${document.id}`);
      expect(res.statusCode).toBe(200);
      const served = res.rawPayload;
      expect(served.toString("latin1")).not.toMatch(/Publico|Microsoft|Quartz|xmpmeta/);
      expect(await readPdfMetadata(served)).toMatchObject({ author: null, creator: null, producer: null, title: null, xmp: null });
      expect((await readPdf(served)).text).toBe("Declaration in support of the motion to quash");
    });

    it("holds the document when its metadata names someone on the case's never-publish list", async () => {
      const { kase } = await uploadFiling();
      guardOf(db).addTerm(kase.id, { term: "Jonathan Publico", note: "movant's legal name" }, { userId: null, label: "test" });
      const holds = guardOf(db).repo.holds({ status: "held" });
      const fields = holds.flatMap((h) => h.findings.map((f) => `${h.recordType}:${f.field}`));
      expect(fields).toEqual(
        expect.arrayContaining(["document:pdfMetadata.author", "document:pdfMetadata.creator", "document:pdfMetadata.xmp"]),
      );
      const documentId = Number(holds.find((h) => h.recordType === "document")!.recordId);
      expect((await app.inject(`/documents/${documentId}`)).statusCode).toBe(404);
      releaseAllHolds(db);
      expect((await app.inject(`/documents/${documentId}`)).statusCode).toBe(200);
    });
  });
});
