/** The parts of Bruno's own parser (`@usebruno/lang`, plain JavaScript) that the Bruno import uses. */
declare module '@usebruno/lang' {
  const lang: {
    /** A request's `.bru` file. */
    bruToJsonV2(text: string): Record<string, unknown>;
    /** `collection.bru` and a folder's `folder.bru`. */
    collectionBruToJson(text: string): Record<string, unknown>;
    /** An `environments/NAME.bru` file. */
    bruToEnvJsonV2(text: string): { variables?: Array<{ name: string; value: string; enabled: boolean; secret: boolean }> };
  };
  export default lang;
}
