/**
 * JSON Schemas (draft 2020-12) of the agent manifest and the trust policy. They mirror `types.ts`
 * exactly: every object is closed (`additionalProperties: false`) and every pattern carries a
 * `description` naming the expected shape, which the loader uses in its messages
 * ("must match service:Action (got ...)"). Checks a schema cannot express live in `semantic.ts`.
 */

const kebabName = {
  type: 'string',
  description: 'a kebab-case name (a-z, 0-9, -)',
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 63,
} as const;

/** A path relative to the stack or trust-policy folder; escapes are refused by the semantic checks. */
const relativePath = {
  type: 'string',
  description: 'a relative path with forward slashes',
  pattern: '^[^\\\\\\u0000]+$',
  minLength: 1,
  maxLength: 1024,
} as const;

const text = { type: 'string', minLength: 1, maxLength: 2000 } as const;

const npmName = {
  type: 'string',
  description: 'an npm package name',
  pattern: '^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$',
  maxLength: 214,
} as const;

/** The source repository a provenance must be built from, as its certificate and predicate name it. */
const sourceRepository = {
  type: 'string',
  description: 'a repository URL https://host/owner/repo (no trailing slash, no .git)',
  pattern: '^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$',
  not: { pattern: '(\\.git|/)$' },
  maxLength: 512,
} as const;

const classification = { enum: ['public', 'internal', 'confidential', 'restricted'] } as const;

const httpsUrl = { type: 'string', pattern: '^https://[^\\s]+$', maxLength: 2048 } as const;
const shortList = { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 500 } } as const;

/** A model card (CycloneDX modelCard): every field optional, what the SBOM and report show. */
const modelCard = {
  type: 'object',
  additionalProperties: false,
  properties: {
    url: httpsUrl,
    approach: { enum: ['supervised', 'unsupervised', 'reinforcement-learning', 'semi-supervised', 'self-supervised'] },
    architectureFamily: { type: 'string', minLength: 1, maxLength: 200 },
    datasets: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, description: text, url: httpsUrl, classification },
      },
    },
    inputs: shortList,
    outputs: shortList,
    performanceMetrics: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'value'],
        properties: {
          type: { type: 'string', minLength: 1, maxLength: 200 },
          value: { type: 'string', minLength: 1, maxLength: 200 },
          slice: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
    },
    limitations: shortList,
    ethicalConsiderations: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 500 }, mitigationStrategy: text },
      },
    },
    users: shortList,
    useCases: shortList,
  },
} as const;

const riskTier = { enum: ['low', 'high'] } as const;

/** IAM action `service:Action`: no wildcard, no `?`. */
const action = {
  type: 'string',
  description: 'service:Action',
  pattern: '^[a-z0-9-]+:[A-Za-z0-9]+$',
  maxLength: 128,
} as const;

/**
 * A resource ARN, or `*` alone. Wildcards inside an ARN pass the schema; the IAM checks
 * (`iam.ts`) allow only the bounded ones (an object-key prefix under one bucket, a table's
 * indexes) and `*` only for actions without resource-level permissions.
 */
const arn = {
  type: 'string',
  description: 'an ARN (arn:partition:service:region:account:resource)',
  pattern: '^(?:\\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*-]*:(\\d{12}|\\*)?:[^\\s]+)$',
  maxLength: 2048,
} as const;

/** A field name of a tool's input (a Cedar attribute name). */
const fieldName = {
  type: 'string',
  description: 'a field name (letters, digits, _; not starting with a digit)',
  pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
} as const;

const inputType = { enum: ['string', 'integer', 'number', 'boolean'] } as const;

const fieldNames = { type: 'array', maxItems: 50, uniqueItems: true, items: fieldName } as const;

/** A raw Cedar expression (type-checked against the generated schema by the Cedar engine). */
const cedarExpression = { type: 'string', minLength: 1, maxLength: 4000 } as const;

/** The MCP interface of a gateway tool. */
const toolInterface = {
  type: 'object',
  additionalProperties: false,
  required: ['toolName', 'description', 'inputSchema', 'target'],
  properties: {
    toolName: { type: 'string', description: 'an MCP tool name (letters, digits, _)', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    description: text,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'properties'],
      properties: {
        type: { const: 'object' },
        properties: {
          type: 'object',
          maxProperties: 50,
          propertyNames: fieldName,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: {
              type: { enum: ['string', 'integer', 'number', 'boolean', 'array'] },
              description: text,
              items: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: inputType } },
              enum: {
                type: 'array',
                minItems: 1,
                maxItems: 100,
                uniqueItems: true,
                items: { type: 'string', minLength: 1, maxLength: 256 },
              },
            },
          },
        },
        required: fieldNames,
      },
    },
    target: {
      type: 'object',
      additionalProperties: false,
      oneOf: [{ required: ['lambda'] }, { required: ['openApi'] }, { required: ['mcpServer'] }],
      properties: {
        lambda: {
          type: 'string',
          description: 'a Lambda function ARN (arn:aws:lambda:region:account:function:name)',
          pattern: '^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}$',
        },
        openApi: {
          type: 'object',
          additionalProperties: false,
          required: ['api', 'operation'],
          properties: {
            api: kebabName,
            operation: { type: 'string', description: 'an OpenAPI operationId', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
          },
        },
        mcpServer: {
          type: 'object',
          additionalProperties: false,
          required: ['plugin', 'endpoint'],
          properties: {
            plugin: { type: 'string', minLength: 1, maxLength: 214 },
            endpoint: { type: 'string', description: 'an https URL', pattern: '^https://[^\\s]+$', maxLength: 2048 },
          },
        },
      },
    },
  },
} as const;

/** Conditions on a tool's calls. */
const toolConditions = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    limits: {
      type: 'object',
      maxProperties: 50,
      propertyNames: fieldName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { min: { type: 'number' }, max: { type: 'number' } },
      },
    },
    allowedValues: {
      type: 'object',
      maxProperties: 50,
      propertyNames: fieldName,
      additionalProperties: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        uniqueItems: true,
        items: { type: 'string', minLength: 1, maxLength: 256 },
      },
    },
    requiredFields: fieldNames,
    scopes: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', description: 'an OAuth scope (no spaces, quotes or *)', pattern: '^[^\\s"*\\\\]{1,128}$' },
    },
    claims: {
      type: 'object',
      minProperties: 1,
      maxProperties: 20,
      propertyNames: { type: 'string', description: 'a claim name', pattern: '^[A-Za-z_][A-Za-z0-9_:.-]{0,63}$' },
      additionalProperties: { type: 'string', description: 'a claim value (no quotes or backslashes)', pattern: '^[^"\\\\]{1,256}$' },
    },
    when: cedarExpression,
    unless: cedarExpression,
  },
} as const;

/** The retention periods CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The agent manifest, `stacks/<agent>/agent.yaml`. */
export const manifestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentfence.dev/schemas/agent-manifest/v1.json',
  title: 'agentfence agent manifest',
  type: 'object',
  additionalProperties: false,
  required: [
    'version',
    'name',
    'description',
    'owner',
    'riskTier',
    'autonomy',
    'goals',
    'identity',
    'tools',
    'dataStores',
    'models',
    'plugins',
    'apis',
    'network',
    'monitoring',
  ],
  properties: {
    version: { const: 1 },
    name: { ...kebabName, maxLength: 40 },
    description: text,
    owner: {
      type: 'object',
      additionalProperties: false,
      required: ['team', 'email'],
      properties: { team: kebabName, email: { type: 'string', format: 'email', maxLength: 254 } },
    },
    riskTier,
    autonomy: { enum: ['assistive', 'supervised', 'autonomous'] },
    goals: { type: 'array', minItems: 1, maxItems: 50, items: text },
    identity: {
      type: 'object',
      additionalProperties: false,
      required: ['runtime', 'account', 'region'],
      properties: {
        runtime: { enum: ['agentcore', 'ecs', 'lambda', 'eks'] },
        account: { type: 'string', description: 'a 12-digit AWS account id', pattern: '^\\d{12}$' },
        region: {
          type: 'string',
          description: 'an AWS region (e.g. eu-west-1)',
          pattern: '^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$',
        },
      },
    },
    tools: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'actions', 'resources', 'risk', 'approval'],
        properties: {
          name: kebabName,
          description: text,
          actions: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: action },
          resources: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: arn },
          risk: riskTier,
          approval: { enum: ['required', 'none'] },
          mcp: toolInterface,
          conditions: toolConditions,
        },
      },
    },
    dataStores: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind', 'classification', 'retentionDays'],
        properties: {
          name: kebabName,
          kind: { enum: ['s3', 'dynamodb'] },
          classification,
          retentionDays: { type: 'integer', minimum: 1, maximum: 36500 },
          description: text,
        },
      },
    },
    models: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        oneOf: [{ required: ['path'] }, { required: ['hosted'] }],
        properties: {
          name: kebabName,
          description: text,
          path: relativePath,
          hosted: {
            type: 'string',
            description: 'a hosted model id (e.g. a Bedrock model id)',
            pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*$',
            maxLength: 256,
          },
          signature: relativePath,
          signedBy: kebabName,
          ignorePaths: { type: 'array', maxItems: 100, uniqueItems: true, items: relativePath },
          version: { type: 'string', minLength: 1, maxLength: 64 },
          supplier: { type: 'string', minLength: 1, maxLength: 200 },
          license: { type: 'string', minLength: 1, maxLength: 200 },
          task: { type: 'string', minLength: 1, maxLength: 200 },
          architecture: { type: 'string', minLength: 1, maxLength: 200 },
          card: modelCard,
        },
      },
    },
    plugins: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        oneOf: [{ required: ['name', 'version'] }, { required: ['lockfile'] }],
        dependentRequired: { name: ['version'], version: ['name'], integrity: ['name', 'version'], sourceRepository: ['name', 'version'] },
        properties: {
          name: npmName,
          version: { type: 'string', minLength: 1, maxLength: 256 },
          integrity: {
            type: 'string',
            description: 'an SRI sha512 integrity (sha512-<base64>)',
            pattern: '^sha512-[A-Za-z0-9+/]{86}==$',
          },
          sourceRepository,
          lockfile: relativePath,
          signedBy: kebabName,
        },
      },
    },
    apis: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'descriptor', 'signature', 'dataClassifications'],
        properties: {
          name: kebabName,
          descriptor: relativePath,
          signature: relativePath,
          dataClassifications: { type: 'array', minItems: 1, uniqueItems: true, items: classification },
          signedBy: kebabName,
        },
      },
    },
    network: {
      type: 'object',
      additionalProperties: false,
      required: ['egress'],
      properties: { egress: { enum: ['firewall', 'none'] } },
    },
    monitoring: {
      type: 'object',
      additionalProperties: false,
      required: ['logRetentionDays'],
      properties: {
        logRetentionDays: { enum: LOG_RETENTION_DAYS },
        alarmEmail: { type: 'string', format: 'email', maxLength: 254 },
        alarmTopicArn: {
          type: 'string',
          description: 'an SNS topic ARN',
          pattern: '^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$',
        },
      },
    },
    attestations: relativePath,
    paused: { type: 'boolean' },
    externalBuckets: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['bucket', 'account'],
        properties: {
          bucket: { type: 'string', description: 'an S3 bucket name', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
          account: { type: 'string', description: 'a 12-digit AWS account id', pattern: '^\\d{12}$' },
          description: text,
        },
      },
    },
    runtimeImage: {
      type: 'object',
      additionalProperties: false,
      required: ['ref'],
      properties: {
        ref: {
          type: 'string',
          description: 'an image pinned by digest (<registry>/<repository>@sha256:<64 hex>)',
          pattern: '^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+@sha256:[a-f0-9]{64}$',
          maxLength: 512,
        },
        attestation: relativePath,
        signedBy: kebabName,
        tag: {
          type: 'string',
          description: 'an OCI tag (letters, digits, _ . -; at most 128)',
          pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$',
        },
        license: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    authorizationTests: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'tool', 'input', 'expect'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          tool: kebabName,
          input: { type: 'object' },
          claims: { type: 'object', additionalProperties: { type: 'string', maxLength: 2048 } },
          paused: { type: 'boolean' },
          expect: { enum: ['allow', 'deny'] },
        },
      },
    },
  },
} as const;

const extensions = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(
    [
      'issuer',
      'sourceRepositoryURI',
      'sourceRepositoryRef',
      'sourceRepositoryDigest',
      'buildSignerURI',
      'buildConfigURI',
      'runnerEnvironment',
      'githubWorkflowRepository',
      'githubWorkflowRef',
    ].map((name) => [name, { type: 'string', minLength: 1, maxLength: 1024 }]),
  ),
} as const;

const authority = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  oneOf: [{ required: ['keyless'] }, { required: ['key'] }, { required: ['certificate'] }],
  dependentRequired: { trustedRoot: ['keyless'] },
  properties: {
    name: kebabName,
    keyless: {
      type: 'object',
      additionalProperties: false,
      required: ['issuer'],
      oneOf: [{ required: ['subject'] }, { required: ['subjectRegExp'] }],
      properties: {
        issuer: { type: 'string', format: 'uri', maxLength: 1024 },
        subject: { type: 'string', minLength: 1, maxLength: 1024 },
        subjectRegExp: { type: 'string', minLength: 1, maxLength: 1024 },
        extensions,
      },
    },
    key: {
      type: 'object',
      additionalProperties: false,
      required: ['publicKey'],
      properties: { publicKey: relativePath },
    },
    certificate: {
      type: 'object',
      additionalProperties: false,
      required: ['chain'],
      properties: { chain: { type: 'array', minItems: 1, maxItems: 10, items: relativePath } },
    },
    trustedRoot: kebabName,
  },
} as const;

const authorities = { type: 'array', maxItems: 100, items: { $ref: '#/$defs/authority' } } as const;

/** The trust policy, `stacks/trust-policy.yaml`. */
export const trustPolicySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentfence.dev/schemas/trust-policy/v1.json',
  title: 'agentfence trust policy',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'mode', 'trustedRoots', 'models', 'plugins', 'apis'],
  $defs: { authority },
  properties: {
    version: { const: 1 },
    mode: { enum: ['enforce', 'warn'] },
    trustedRoots: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'source'],
        properties: {
          name: kebabName,
          source: {
            oneOf: [
              { const: 'public-good' },
              {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: { path: relativePath },
              },
            ],
          },
        },
      },
    },
    models: {
      type: 'object',
      additionalProperties: false,
      required: ['authorities'],
      properties: {
        authorities,
        hosted: {
          type: 'array',
          uniqueItems: true,
          maxItems: 200,
          items: { type: 'string', minLength: 1, maxLength: 256 },
        },
        allowIgnorePaths: {
          description:
            'Authorities whose models may leave out paths (agent.yaml ignorePaths) beyond those their signature records. Defaults to none.',
          type: 'array',
          uniqueItems: true,
          maxItems: 100,
          items: kebabName,
        },
      },
    },
    plugins: {
      type: 'object',
      additionalProperties: false,
      required: ['authorities'],
      properties: {
        authorities,
        requireProvenance: { type: 'boolean' },
        repositories: {
          type: 'object',
          description: 'npm package name -> the repository its provenance must be built from',
          maxProperties: 500,
          propertyNames: npmName,
          additionalProperties: sourceRepository,
        },
        registryKeys: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['keyid', 'key'],
            properties: {
              keyid: { type: 'string', minLength: 1, maxLength: 256 },
              key: {
                type: 'string',
                description: 'base64 SPKI DER',
                pattern: '^[A-Za-z0-9+/]+={0,2}$',
                maxLength: 8192,
              },
              keytype: { type: 'string', minLength: 1, maxLength: 64 },
              scheme: { type: 'string', minLength: 1, maxLength: 64 },
              expires: { oneOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
            },
          },
        },
      },
    },
    apis: {
      type: 'object',
      additionalProperties: false,
      required: ['authorities'],
      properties: { authorities },
    },
    images: {
      type: 'object',
      additionalProperties: false,
      required: ['authorities'],
      properties: { authorities },
    },
  },
} as const;
