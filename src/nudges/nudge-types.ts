// PROVISIONAL: owned by the server/storage/nudges work (issue 4), which replaces it.
export interface Nudge {
  id: string;
  topic: string;
  text: string;
}
