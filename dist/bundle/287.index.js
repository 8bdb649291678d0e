export const id = 287;
export const ids = [287];
export const modules = {

/***/ 4287:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ TRUST_STAGE_VALUED),
/* harmony export */   b: () => (/* binding */ KNOWN_COMMANDS)
/* harmony export */ });
const TRUST_STAGE_VALUED = ['file', 'repo', 'repository', 'project', 'env', 'environment', 'id', 'org-id', 'project-id', 'pipeline-definition-id', 'vcs-origin', 'context-id', 'dir'];
const KNOWN_COMMANDS = [
    'publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--otp-uses <n>] [--provenance[=true|false|auto]]',
    'dist-tag add <pkg>@<version> [<tag>]',
    'dist-tag add --workspaces [-w <name|folder|glob>...] <tag>   (every workspace package at its package.json version)',
    'dist-tag rm <pkg> <tag>',
    'dist-tag ls [<pkg>]',
    'owner add <user> [<pkg>]',
    'owner rm <user> [<pkg>]',
    'owner ls [<pkg>]',
    'access set status=public|private [<pkg>]',
    'access set mfa=none|publish|automation [<pkg>]',
    'access get status [<pkg>]',
    'deprecate <pkg>[@<range>] <message>',
    'unpublish <pkg>@<version>   (or unpublish <pkg> --force for every version)',
    'trust github [<pkg>] --file <workflow.yml> [--repo <owner/repo>] [--env <name>] --allow-publish|--allow-stage-publish [--workspaces | -w <name|folder|glob>...] [--dry-run]',
    'trust gitlab [<pkg>] --file <.gitlab-ci.yml> [--project <group/project>] [--env <name>] --allow-publish|--allow-stage-publish [--workspaces | -w ...] [--dry-run]',
    'trust circleci [<pkg>] --org-id <uuid> --project-id <uuid> --pipeline-definition-id <uuid> --vcs-origin <host/owner/repo> [--context-id <uuid>...] --allow-publish|--allow-stage-publish [--workspaces | -w ...] [--dry-run]',
    'trust list [<pkg>]',
    'trust revoke [<pkg>] --id <id> [--dry-run]',
    'stage publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--provenance[=true|false|auto]]',
    'stage list [<pkg>]',
    'stage view <id>',
    'stage download <id> [--dir <folder>]',
    'stage approve <id|pkg@version>... [--dry-run]   (or stage approve --workspaces [-w ...]: each package at its package.json version)',
    'stage reject <id|pkg@version>... [--dry-run]   (or stage reject --workspaces [-w ...])',
];


/***/ })

};
