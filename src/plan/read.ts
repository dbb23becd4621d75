/** Reading `pulumi preview --json` and `pulumi stack export` documents (filled in by the rules work). */
export {};
