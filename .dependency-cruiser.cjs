/**
 * The walls between the workspace's packages, checked by `pnpm lint` (dependency-cruiser).
 * A package is a folder with its own package.json: packages/<name>, emails, infra; the rest
 * (tests, scripts, sst.config.ts) is the root package. Packages meet only through their
 * exports (`@debrief/…`); dependencies flow one way, so the domain never reaches up.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PACKAGE = "^(packages/[^/]+|emails|infra)/";

module.exports = {
  forbidden: [
    {
      name: "relative-import-across-packages",
      comment: "Another package is reached through its exports (@debrief/…), never by a relative path into its files.",
      severity: "error",
      from: { path: PACKAGE },
      // The one exception: the service's version lives in the root package.json (bumped with CHANGELOG.md),
      // and the API reports it (packages/functions/src/api/version.ts; esbuild inlines that field alone).
      to: { dependencyTypes: ["local"], pathNot: ["^$1/", "^package\\.json$"] },
    },
    {
      name: "relative-import-into-a-package",
      comment:
        "The root package (tests, scripts, sst.config.ts) reaches a package through its exports, never by a relative path.",
      severity: "error",
      from: { pathNot: PACKAGE },
      to: { dependencyTypes: ["local"], path: PACKAGE },
    },
    {
      name: "core-imports-no-other-package",
      comment:
        "The domain (packages/core) is the bottom layer: it never imports functions, local, infra, emails or the bench.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^(packages/(functions|local|bench)|emails|infra)/" },
    },
    {
      name: "functions-never-import-local",
      comment: "The handlers run on Lambda: the local stack (and the bench) build on them, never the other way.",
      severity: "error",
      from: { path: "^packages/functions/" },
      to: { path: "^packages/(local|bench)/" },
    },
    {
      name: "emails-never-import-functions",
      comment:
        "The emails are rendered by the send step: they know the domain (core), not the handlers or the local stack.",
      severity: "error",
      from: { path: "^emails/" },
      to: { path: "^packages/(functions|local|bench)/" },
    },
    {
      name: "testkit-only-in-tests",
      comment:
        "The test kit (personas, in-memory ports, helpers) is for tests: no module a Lambda, the local stack or infra loads imports it.",
      severity: "error",
      from: { path: "^(packages/(core|functions|local)|emails|infra)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^packages/testkit/" },
    },
  ],
  options: {
    // Type-only imports are imports too: a package's types are part of what it exports.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.sst|cdk\\.out|\\.cache)/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
