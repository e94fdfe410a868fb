/**
 * The service's version, which `/health` and the OpenAPI document report: the root
 * package.json's (semantic, bumped with CHANGELOG.md). esbuild inlines only this field.
 */
export { version as SERVICE_VERSION } from "../../../../package.json";
