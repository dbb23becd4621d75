/**
 * SARIF 2.1.0 output shared by `check`, `verify` and `gate`: one run, rule metadata once, one result
 * per finding. Levels: mandatory/blocked -> error, advisory/warned -> warning.
 */

export interface SarifRule {
  readonly id: string;
  readonly name?: string;
  readonly shortDescription: string;
  readonly fullDescription?: string;
  readonly helpUri?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  /** A file path relative to the repository root, if the finding has one. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** A logical location (resource URN, artifact name). */
  readonly logicalLocation?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** Builds a SARIF 2.1.0 log with a single run of agentfence. */
export function toSarif(version: string, rules: readonly SarifRule[], results: readonly SarifResult[]): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agentfence',
            version,
            informationUri: 'https://github.com/agentfence/agentfence',
            rules: rules.map((rule) => ({
              id: rule.id,
              ...(rule.name === undefined ? {} : { name: rule.name }),
              shortDescription: { text: rule.shortDescription },
              ...(rule.fullDescription === undefined ? {} : { fullDescription: { text: rule.fullDescription } }),
              ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
              ...(rule.properties === undefined ? {} : { properties: rule.properties }),
            })),
          },
        },
        results: results.map((result) => ({
          ruleId: result.ruleId,
          ...(ruleIndex.has(result.ruleId) ? { ruleIndex: ruleIndex.get(result.ruleId) } : {}),
          level: result.level,
          message: { text: result.message },
          locations: [
            {
              ...(result.file === undefined
                ? {}
                : {
                    physicalLocation: {
                      artifactLocation: { uri: result.file },
                      ...(result.line === undefined
                        ? {}
                        : { region: { startLine: result.line, ...(result.column === undefined ? {} : { startColumn: result.column }) } }),
                    },
                  }),
              ...(result.logicalLocation === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: result.logicalLocation }] }),
            },
          ],
          ...(result.properties === undefined ? {} : { properties: result.properties }),
        })),
      },
    ],
  };
}
