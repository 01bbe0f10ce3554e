// PROVISIONAL: owned by the draft-review work (issue 3), which replaces it.
export interface RuleBook {
  rules: unknown[];
}
