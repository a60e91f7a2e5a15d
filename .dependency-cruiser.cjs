/**
 * The panel's layers (docs/development.md, STYLE.md "Layers and rooms"), checked in `npm run lint`:
 *   app (pages, actions, routes) → lib/mail, lib/api (domain) → lib/{cpanel, db, auth, audit, password, core, …}
 * Arrows point one way; a wrong arrow or any import cycle fails CI.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle ties layers together: move the shared piece down (lib/core).",
      from: { path: "^(app|components|lib|emulator|scripts)/" },
      // Not through a dynamic import: that is how lib/i18n/server.ts reaches up to the session at call time (the
      // signed-in user's language) without tying the modules together when they load.
      to: { circular: true, viaOnly: { pathNot: "\\.d\\.ts$", dependencyTypesNot: ["dynamic-import"] } },
    },
    {
      name: "lib-never-imports-the-ui",
      severity: "error",
      comment: "lib/ is below app/ and components/.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-stay-presentational",
      severity: "error",
      comment: "Components get plain props from pages; they never reach the domain, the database, cPanel, auth or the audit log.",
      from: { path: "^components/" },
      to: { path: "^(app/|lib/(mail|db|cpanel|auth|audit|api|actions)/)", pathNot: "^lib/actions/action-state\\.ts$" },
    },
    {
      name: "pages-go-through-the-domain",
      severity: "error",
      comment: "Pages, actions and routes read and write through lib/mail (or lib/api for REST), never the repositories or cPanel directly.",
      from: { path: "^app/" },
      to: { path: "^lib/(db|cpanel)/" },
    },
    {
      name: "lower-layers-never-import-the-domain",
      severity: "error",
      comment: "cPanel, db, auth, audit, password and core are used by the domain, never the other way round.",
      from: { path: "^lib/(cpanel|db|auth|audit|password|core|crypto|forwarding)/" },
      to: { path: "^lib/(mail|api|actions)/" },
    },
    {
      name: "domain-never-imports-the-web-layers",
      severity: "error",
      comment: "lib/mail is called by server actions and the REST layer; it knows neither.",
      from: { path: "^lib/mail/" },
      to: { path: "^lib/(api|actions)/" },
    },
    {
      name: "cpanel-and-password-are-self-contained",
      severity: "error",
      comment:
        "The cPanel client speaks only the protocol, and the password policy runs in the browser too: neither imports any of our other modules.",
      from: { path: "^lib/(cpanel|password)/" },
      to: { path: "^(app|components|lib|emulator|scripts)/", pathNot: ["^lib/(cpanel|password)/", "^lib/\\$1/"] },
    },
    {
      name: "emulator-shares-nothing-with-the-panel",
      severity: "error",
      comment: "The emulator is an independent cPanel server: it must not share code with the client it tests.",
      from: { path: "^emulator/" },
      to: { path: "^(lib|app|components)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|data)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"],
    },
  },
};
