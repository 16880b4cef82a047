/** parse-prefer-header ships no types: it reads an RFC 7240 Prefer header into { preference: value | true }, names camel-cased. */
declare module 'parse-prefer-header' {
  function parsePreferHeader(header: string | string[] | undefined): Record<string, string | true>;
  export = parsePreferHeader;
}
