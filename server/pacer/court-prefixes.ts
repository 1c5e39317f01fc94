/**
 * The three-digit prefix of every court's doc1 document ids. "View multiple documents" reports
 * give attachments only the id's suffix (`23513539-254755-2`); the prefix turns it into the id
 * the doc1 links use (`035` + `0` + `23513539`).
 */
const DOC_ID_PREFIXES: Record<string, string> = {
  akb: "022", akd: "023", almb: "016", almd: "017", alnb: "018", alnd: "019", alsb: "020", alsd: "021",
  areb: "026", ared: "027", arwb: "028", arwd: "029", azb: "024", azd: "025", ca1: "001", ca10: "010",
  ca11: "011", ca2: "002", ca3: "003", ca4: "004", ca5: "005", ca6: "006", ca7: "007", ca8: "008",
  ca9: "009", cacb: "973", cacd: "031", cadc: "012", caeb: "032", caed: "033", cafc: "013", canb: "034",
  cand: "035", casb: "036", casd: "037", cavc: "012", cit: "014", cob: "038", cod: "039", cofc: "015",
  ctb: "040", ctd: "041", dcb: "044", dcd: "045", deb: "042", ded: "043", flmb: "046", flmd: "047",
  flnb: "048", flnd: "049", flsb: "050", flsd: "051", gamb: "052", gamd: "053", ganb: "054", gand: "055",
  gasb: "056", gasd: "057", gub: "058", gud: "059", hib: "060", hid: "061", ianb: "074", iand: "075",
  iasb: "076", iasd: "077", idb: "062", idd: "063", ilcb: "064", ilcd: "065", ilnb: "066", ilnd: "067",
  ilsb: "068", ilsd: "069", innb: "070", innd: "071", insb: "072", insd: "073", jpml: "850", ksb: "078",
  ksd: "079", kyeb: "080", kyed: "081", kywb: "082", kywd: "083", laeb: "084", laed: "085", lamb: "086",
  lamd: "087", lawb: "088", lawd: "089", mab: "094", mad: "095", mdb: "092", mdd: "093", meb: "090",
  med: "091", mieb: "096", mied: "097", miwb: "098", miwd: "099", mnb: "100", mnd: "101", moeb: "106",
  moed: "107", mowb: "108", mowd: "109", msnb: "102", msnd: "103", mssb: "104", mssd: "105", mtb: "110",
  mtd: "111", nceb: "130", nced: "131", ncmb: "132", ncmd: "133", ncwb: "134", ncwd: "135", ndb: "136",
  ndd: "137", neb: "112", ned: "113", nhb: "116", nhd: "117", njb: "118", njd: "119", nmb: "120",
  nmd: "121", nmib: "138", nmid: "139", nvb: "114", nvd: "115", nyeb: "122", nyed: "123", nynb: "124",
  nynd: "125", nysb: "126", nysd: "127", nywb: "128", nywd: "129", ohnb: "140", ohnd: "141", ohsb: "142",
  ohsd: "143", okeb: "144", oked: "145", oknb: "146", oknd: "147", okwb: "148", okwd: "149", orb: "150",
  ord: "151", paeb: "152", paed: "153", pamb: "154", pamd: "155", pawb: "156", pawd: "157", prb: "158",
  prd: "159", rib: "160", rid: "161", scb: "162", scd: "163", sdb: "164", sdd: "165", tneb: "166",
  tned: "167", tnmb: "168", tnmd: "169", tnwb: "170", tnwd: "171", txeb: "174", txed: "175", txnb: "176",
  txnd: "177", txsb: "178", txsd: "179", txwb: "180", txwd: "181", utb: "182", utd: "183", vaeb: "188",
  vaed: "189", vawb: "190", vawd: "191", vib: "192", vid: "193", vtb: "184", vtd: "185", waeb: "194",
  waed: "195", wawb: "196", wawd: "197", wieb: "202", wied: "203", wiwb: "204", wiwd: "205", wvnb: "198",
  wvnd: "199", wvsb: "200", wvsd: "201", wyb: "206", wyd: "207",
};

export function docIdPrefix(courtId: string): string | undefined {
  return DOC_ID_PREFIXES[courtId];
}
