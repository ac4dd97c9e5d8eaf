// Checks every document of the given manifests against the JSON schema of its kind (kubernetes-models: the
// Kubernetes 1.27 OpenAPI schemas): types, required fields and enumerations, offline. Prints one line per document
// and exits with 1 when one is invalid. Unknown fields pass, as the schemas allow them; nothing is sent to a cluster.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const document of yaml.loadAll(readFileSync(file, "utf8")).filter(Boolean)) {
    const name = `${document.kind} ${document.metadata?.name}`;
    try {
      const Model = require(`kubernetes-models/${document.apiVersion}`)[document.kind];
      if (!Model) {
        throw new Error(`no schema for ${document.apiVersion} ${document.kind}`);
      }
      new Model(document).validate();
      console.log(`valid ${name}`);
    } catch (error) {
      invalid++;
      console.log(`INVALID ${name}: ${error.message}`);
    }
  }
}
process.exit(invalid ? 1 : 0);
