// Original file: vendor/googleapis/google/api/resource.proto


// Original file: vendor/googleapis/google/api/resource.proto

/**
 * A description of the historical or future-looking state of the
 * resource pattern.
 */
export const _google_api_ResourceDescriptor_History = {
  /**
   * The "unset" value.
   */
  HISTORY_UNSPECIFIED: 'HISTORY_UNSPECIFIED',
  /**
   * The resource originally had one pattern and launched as such, and
   * additional patterns were added later.
   */
  ORIGINALLY_SINGLE_PATTERN: 'ORIGINALLY_SINGLE_PATTERN',
  /**
   * The resource has one pattern, but the API owner expects to add more
   * later. (This is the inverse of ORIGINALLY_SINGLE_PATTERN, and prevents
   * that from being necessary once there are multiple patterns.)
   */
  FUTURE_MULTI_PATTERN: 'FUTURE_MULTI_PATTERN',
} as const;

/**
 * A description of the historical or future-looking state of the
 * resource pattern.
 */
export type _google_api_ResourceDescriptor_History =
  /**
   * The "unset" value.
   */
  | 'HISTORY_UNSPECIFIED'
  | 0
  /**
   * The resource originally had one pattern and launched as such, and
   * additional patterns were added later.
   */
  | 'ORIGINALLY_SINGLE_PATTERN'
  | 1
  /**
   * The resource has one pattern, but the API owner expects to add more
   * later. (This is the inverse of ORIGINALLY_SINGLE_PATTERN, and prevents
   * that from being necessary once there are multiple patterns.)
   */
  | 'FUTURE_MULTI_PATTERN'
  | 2

/**
 * A description of the historical or future-looking state of the
 * resource pattern.
 */
export type _google_api_ResourceDescriptor_History__Output = typeof _google_api_ResourceDescriptor_History[keyof typeof _google_api_ResourceDescriptor_History]

// Original file: vendor/googleapis/google/api/resource.proto

/**
 * A flag representing a specific style that a resource claims to conform to.
 */
export const _google_api_ResourceDescriptor_Style = {
  /**
   * The unspecified value. Do not use.
   */
  STYLE_UNSPECIFIED: 'STYLE_UNSPECIFIED',
  /**
   * This resource is intended to be "declarative-friendly".
   * 
   * Declarative-friendly resources must be more strictly consistent, and
   * setting this to true communicates to tools that this resource should
   * adhere to declarative-friendly expectations.
   * 
   * Note: This is used by the API linter (linter.aip.dev) to enable
   * additional checks.
   */
  DECLARATIVE_FRIENDLY: 'DECLARATIVE_FRIENDLY',
} as const;

/**
 * A flag representing a specific style that a resource claims to conform to.
 */
export type _google_api_ResourceDescriptor_Style =
  /**
   * The unspecified value. Do not use.
   */
  | 'STYLE_UNSPECIFIED'
  | 0
  /**
   * This resource is intended to be "declarative-friendly".
   * 
   * Declarative-friendly resources must be more strictly consistent, and
   * setting this to true communicates to tools that this resource should
   * adhere to declarative-friendly expectations.
   * 
   * Note: This is used by the API linter (linter.aip.dev) to enable
   * additional checks.
   */
  | 'DECLARATIVE_FRIENDLY'
  | 1

/**
 * A flag representing a specific style that a resource claims to conform to.
 */
export type _google_api_ResourceDescriptor_Style__Output = typeof _google_api_ResourceDescriptor_Style[keyof typeof _google_api_ResourceDescriptor_Style]

/**
 * A simple descriptor of a resource type.
 * 
 * ResourceDescriptor annotates a resource message (either by means of a
 * protobuf annotation or use in the service config), and associates the
 * resource's schema, the resource type, and the pattern of the resource name.
 * 
 * Example:
 * 
 * message Topic {
 * // Indicates this message defines a resource schema.
 * // Declares the resource type in the format of {service}/{kind}.
 * // For Kubernetes resources, the format is {api group}/{kind}.
 * option (google.api.resource) = {
 * type: "pubsub.googleapis.com/Topic"
 * pattern: "projects/{project}/topics/{topic}"
 * };
 * }
 * 
 * The ResourceDescriptor Yaml config will look like:
 * 
 * resources:
 * - type: "pubsub.googleapis.com/Topic"
 * pattern: "projects/{project}/topics/{topic}"
 * 
 * Sometimes, resources have multiple patterns, typically because they can
 * live under multiple parents.
 * 
 * Example:
 * 
 * message LogEntry {
 * option (google.api.resource) = {
 * type: "logging.googleapis.com/LogEntry"
 * pattern: "projects/{project}/logs/{log}"
 * pattern: "folders/{folder}/logs/{log}"
 * pattern: "organizations/{organization}/logs/{log}"
 * pattern: "billingAccounts/{billing_account}/logs/{log}"
 * };
 * }
 * 
 * The ResourceDescriptor Yaml config will look like:
 * 
 * resources:
 * - type: 'logging.googleapis.com/LogEntry'
 * pattern: "projects/{project}/logs/{log}"
 * pattern: "folders/{folder}/logs/{log}"
 * pattern: "organizations/{organization}/logs/{log}"
 * pattern: "billingAccounts/{billing_account}/logs/{log}"
 */
export interface ResourceDescriptor {
  /**
   * The resource type. It must be in the format of
   * {service_name}/{resource_type_kind}. The `resource_type_kind` must be
   * singular and must not include version numbers.
   * 
   * Example: `storage.googleapis.com/Bucket`
   * 
   * The value of the resource_type_kind must follow the regular expression
   * /[A-Za-z][a-zA-Z0-9]+/. It should start with an upper case character and
   * should use PascalCase (UpperCamelCase). The maximum number of
   * characters allowed for the `resource_type_kind` is 100.
   */
  'type'?: (string);
  /**
   * Optional. The relative resource name pattern associated with this resource
   * type. The DNS prefix of the full resource name shouldn't be specified here.
   * 
   * The path pattern must follow the syntax, which aligns with HTTP binding
   * syntax:
   * 
   * Template = Segment { "/" Segment } ;
   * Segment = LITERAL | Variable ;
   * Variable = "{" LITERAL "}" ;
   * 
   * Examples:
   * 
   * - "projects/{project}/topics/{topic}"
   * - "projects/{project}/knowledgeBases/{knowledge_base}"
   * 
   * The components in braces correspond to the IDs for each resource in the
   * hierarchy. It is expected that, if multiple patterns are provided,
   * the same component name (e.g. "project") refers to IDs of the same
   * type of resource.
   */
  'pattern'?: (string)[];
  /**
   * Optional. The field on the resource that designates the resource name
   * field. If omitted, this is assumed to be "name".
   */
  'nameField'?: (string);
  /**
   * Optional. The historical or future-looking state of the resource pattern.
   * 
   * Example:
   * 
   * // The InspectTemplate message originally only supported resource
   * // names with organization, and project was added later.
   * message InspectTemplate {
   * option (google.api.resource) = {
   * type: "dlp.googleapis.com/InspectTemplate"
   * pattern:
   * "organizations/{organization}/inspectTemplates/{inspect_template}"
   * pattern: "projects/{project}/inspectTemplates/{inspect_template}"
   * history: ORIGINALLY_SINGLE_PATTERN
   * };
   * }
   */
  'history'?: (_google_api_ResourceDescriptor_History);
  /**
   * The plural name used in the resource name and permission names, such as
   * 'projects' for the resource name of 'projects/{project}' and the permission
   * name of 'cloudresourcemanager.googleapis.com/projects.get'. One exception
   * to this is for Nested Collections that have stuttering names, as defined
   * in [AIP-122](https://google.aip.dev/122#nested-collections), where the
   * collection ID in the resource name pattern does not necessarily directly
   * match the `plural` value.
   * 
   * It is the same concept of the `plural` field in k8s CRD spec
   * https://kubernetes.io/docs/tasks/access-kubernetes-api/custom-resources/custom-resource-definitions/
   * 
   * Note: The plural form is required even for singleton resources. See
   * https://aip.dev/156
   */
  'plural'?: (string);
  /**
   * The same concept of the `singular` field in k8s CRD spec
   * https://kubernetes.io/docs/tasks/access-kubernetes-api/custom-resources/custom-resource-definitions/
   * Such as "project" for the `resourcemanager.googleapis.com/Project` type.
   */
  'singular'?: (string);
  /**
   * Style flag(s) for this resource.
   * These indicate that a resource is expected to conform to a given
   * style. See the specific style flags for additional information.
   */
  'style'?: (_google_api_ResourceDescriptor_Style)[];
}

/**
 * A simple descriptor of a resource type.
 * 
 * ResourceDescriptor annotates a resource message (either by means of a
 * protobuf annotation or use in the service config), and associates the
 * resource's schema, the resource type, and the pattern of the resource name.
 * 
 * Example:
 * 
 * message Topic {
 * // Indicates this message defines a resource schema.
 * // Declares the resource type in the format of {service}/{kind}.
 * // For Kubernetes resources, the format is {api group}/{kind}.
 * option (google.api.resource) = {
 * type: "pubsub.googleapis.com/Topic"
 * pattern: "projects/{project}/topics/{topic}"
 * };
 * }
 * 
 * The ResourceDescriptor Yaml config will look like:
 * 
 * resources:
 * - type: "pubsub.googleapis.com/Topic"
 * pattern: "projects/{project}/topics/{topic}"
 * 
 * Sometimes, resources have multiple patterns, typically because they can
 * live under multiple parents.
 * 
 * Example:
 * 
 * message LogEntry {
 * option (google.api.resource) = {
 * type: "logging.googleapis.com/LogEntry"
 * pattern: "projects/{project}/logs/{log}"
 * pattern: "folders/{folder}/logs/{log}"
 * pattern: "organizations/{organization}/logs/{log}"
 * pattern: "billingAccounts/{billing_account}/logs/{log}"
 * };
 * }
 * 
 * The ResourceDescriptor Yaml config will look like:
 * 
 * resources:
 * - type: 'logging.googleapis.com/LogEntry'
 * pattern: "projects/{project}/logs/{log}"
 * pattern: "folders/{folder}/logs/{log}"
 * pattern: "organizations/{organization}/logs/{log}"
 * pattern: "billingAccounts/{billing_account}/logs/{log}"
 */
export interface ResourceDescriptor__Output {
  /**
   * The resource type. It must be in the format of
   * {service_name}/{resource_type_kind}. The `resource_type_kind` must be
   * singular and must not include version numbers.
   * 
   * Example: `storage.googleapis.com/Bucket`
   * 
   * The value of the resource_type_kind must follow the regular expression
   * /[A-Za-z][a-zA-Z0-9]+/. It should start with an upper case character and
   * should use PascalCase (UpperCamelCase). The maximum number of
   * characters allowed for the `resource_type_kind` is 100.
   */
  'type': (string);
  /**
   * Optional. The relative resource name pattern associated with this resource
   * type. The DNS prefix of the full resource name shouldn't be specified here.
   * 
   * The path pattern must follow the syntax, which aligns with HTTP binding
   * syntax:
   * 
   * Template = Segment { "/" Segment } ;
   * Segment = LITERAL | Variable ;
   * Variable = "{" LITERAL "}" ;
   * 
   * Examples:
   * 
   * - "projects/{project}/topics/{topic}"
   * - "projects/{project}/knowledgeBases/{knowledge_base}"
   * 
   * The components in braces correspond to the IDs for each resource in the
   * hierarchy. It is expected that, if multiple patterns are provided,
   * the same component name (e.g. "project") refers to IDs of the same
   * type of resource.
   */
  'pattern': (string)[];
  /**
   * Optional. The field on the resource that designates the resource name
   * field. If omitted, this is assumed to be "name".
   */
  'nameField': (string);
  /**
   * Optional. The historical or future-looking state of the resource pattern.
   * 
   * Example:
   * 
   * // The InspectTemplate message originally only supported resource
   * // names with organization, and project was added later.
   * message InspectTemplate {
   * option (google.api.resource) = {
   * type: "dlp.googleapis.com/InspectTemplate"
   * pattern:
   * "organizations/{organization}/inspectTemplates/{inspect_template}"
   * pattern: "projects/{project}/inspectTemplates/{inspect_template}"
   * history: ORIGINALLY_SINGLE_PATTERN
   * };
   * }
   */
  'history': (_google_api_ResourceDescriptor_History__Output);
  /**
   * The plural name used in the resource name and permission names, such as
   * 'projects' for the resource name of 'projects/{project}' and the permission
   * name of 'cloudresourcemanager.googleapis.com/projects.get'. One exception
   * to this is for Nested Collections that have stuttering names, as defined
   * in [AIP-122](https://google.aip.dev/122#nested-collections), where the
   * collection ID in the resource name pattern does not necessarily directly
   * match the `plural` value.
   * 
   * It is the same concept of the `plural` field in k8s CRD spec
   * https://kubernetes.io/docs/tasks/access-kubernetes-api/custom-resources/custom-resource-definitions/
   * 
   * Note: The plural form is required even for singleton resources. See
   * https://aip.dev/156
   */
  'plural': (string);
  /**
   * The same concept of the `singular` field in k8s CRD spec
   * https://kubernetes.io/docs/tasks/access-kubernetes-api/custom-resources/custom-resource-definitions/
   * Such as "project" for the `resourcemanager.googleapis.com/Project` type.
   */
  'singular': (string);
  /**
   * Style flag(s) for this resource.
   * These indicate that a resource is expected to conform to a given
   * style. See the specific style flags for additional information.
   */
  'style': (_google_api_ResourceDescriptor_Style__Output)[];
}
