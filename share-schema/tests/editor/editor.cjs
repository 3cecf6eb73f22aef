// What editors make of the payload schema, for share-schema/tests/editor.rs: VS Code's JSON
// language service (npm `vscode-json-languageservice`) and Ajv's strict mode (npm `ajv`,
// `ajv-formats`), both installed by scripts/test under target/tools/node.
//
//   node editor.cjs SCHEMA VOCABULARY_JSON < CASES_JSON
//
// CASES_JSON is an array of documents; a `|` in one is the cursor (removed before parsing).
// Prints {"ajv": {"ok", "error", "verdicts"}, "cases": [{"diagnostics", "completions", "hover"}]}:
// the schema compiled by Ajv 2020 with `strict: true`, the editor keywords declared as a
// vocabulary (VOCABULARY_JSON), each document's verdict; and per document what VS Code shows.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const modules =
  process.env.EDITOR_NODE_MODULES || join(__dirname, "../../../target/tools/node/node_modules");
const ls = require(join(modules, "vscode-json-languageservice"));
const { TextDocument } = require(join(modules, "vscode-languageserver-textdocument"));
const Ajv2020 = require(join(modules, "ajv/dist/2020")).default;
const addFormats = require(join(modules, "ajv-formats")).default;

async function main() {
  const schema = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const vocabulary = JSON.parse(process.argv[3]);
  const docs = JSON.parse(readFileSync(0, "utf8"));

  const ajv = new Ajv2020({ strict: true, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addVocabulary(vocabulary);
  const out = { ajv: { ok: true, error: null, verdicts: [] }, cases: [] };
  let validate = null;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    out.ajv = { ok: false, error: e.message, verdicts: [] };
  }

  const service = ls.getLanguageService({
    clientCapabilities: ls.ClientCapabilities.LATEST,
    schemaRequestService: (uri) => Promise.reject(new Error("no network: " + uri)),
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: schema.$id, fileMatch: ["*.json"], schema }],
  });
  for (const [i, raw] of docs.entries()) {
    const cursor = raw.indexOf("|");
    const text = cursor < 0 ? raw : raw.slice(0, cursor) + raw.slice(cursor + 1);
    if (validate) {
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      out.ajv.verdicts.push(parsed === undefined ? null : validate(parsed));
    }
    const doc = TextDocument.create(`file:///work/payload-${i}.json`, "json", 1, text);
    const json = service.parseJSONDocument(doc);
    const diagnostics = await service.doValidation(doc, json, { schemaValidation: "error" });
    const result = {
      diagnostics: diagnostics.map((d) => ({
        message: d.message,
        line: d.range.start.line,
        character: d.range.start.character,
        text: text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)),
      })),
      completions: [],
      hover: null,
    };
    if (cursor >= 0) {
      const at = doc.positionAt(cursor);
      const completion = await service.doComplete(doc, at, json);
      result.completions = completion ? completion.items.map((item) => item.label) : [];
      const hover = await service.doHover(doc, at, json);
      result.hover = hover
        ? hover.contents.map((c) => (typeof c === "string" ? c : c.value)).join("\n")
        : null;
    }
    out.cases.push(result);
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
