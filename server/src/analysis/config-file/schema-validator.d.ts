// The validator of schemas/postmortemrc.schema.json, precompiled: schema-validator.js is Ajv standalone code that
// scripts/config-validator.mjs generates (the build refreshes it, a test checks it matches the schema).
import type { ValidateFunction } from 'ajv';
import type { ConfigFileData } from './data';

declare const validate: ValidateFunction<ConfigFileData>;
export default validate;
