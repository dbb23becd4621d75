// @ts-nocheck
/* eslint-disable */
// Generated from schemas.ts by buildValidatorsSource() (validators-source.ts); do not edit.
// Refresh: AGENTFENCE_UPDATE_GENERATED=1 npx vitest run test/unit/manifest/validators.test.ts
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
"use strict";
export const manifest = validate52;
const schema19 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://agentfence.dev/schemas/agent-manifest/v1.json","title":"agentfence agent manifest","type":"object","additionalProperties":false,"required":["version","name","description","owner","riskTier","autonomy","goals","identity","tools","dataStores","models","plugins","apis","network","monitoring"],"properties":{"version":{"const":1},"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":40},"description":{"type":"string","minLength":1,"maxLength":2000},"owner":{"type":"object","additionalProperties":false,"required":["team","email"],"properties":{"team":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"email":{"type":"string","format":"email","maxLength":254}}},"riskTier":{"enum":["low","high"]},"autonomy":{"enum":["assistive","supervised","autonomous"]},"goals":{"type":"array","minItems":1,"maxItems":50,"items":{"type":"string","minLength":1,"maxLength":2000}},"identity":{"type":"object","additionalProperties":false,"required":["runtime","account","region"],"properties":{"runtime":{"enum":["agentcore","ecs","lambda","eks"]},"account":{"type":"string","description":"a 12-digit AWS account id","pattern":"^\\d{12}$"},"region":{"type":"string","description":"an AWS region (e.g. eu-west-1)","pattern":"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$"}}},"tools":{"type":"array","maxItems":200,"items":{"type":"object","additionalProperties":false,"required":["name","actions","resources","risk","approval"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"description":{"type":"string","minLength":1,"maxLength":2000},"actions":{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"type":"string","description":"service:Action","pattern":"^[a-z0-9-]+:[A-Za-z0-9]+$","maxLength":128}},"resources":{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"type":"string","description":"an ARN (arn:partition:service:region:account:resource)","pattern":"^(?:\\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*-]*:(\\d{12}|\\*)?:[^\\s]+)$","maxLength":2048}},"risk":{"enum":["low","high"]},"approval":{"enum":["required","none"]},"mcp":{"type":"object","additionalProperties":false,"required":["toolName","description","inputSchema","target"],"properties":{"toolName":{"type":"string","description":"an MCP tool name (letters, digits, _)","pattern":"^[A-Za-z][A-Za-z0-9_]{0,63}$"},"description":{"type":"string","minLength":1,"maxLength":2000},"inputSchema":{"type":"object","additionalProperties":false,"required":["type","properties"],"properties":{"type":{"const":"object"},"properties":{"type":"object","maxProperties":50,"propertyNames":{"type":"string","description":"a field name (letters, digits, _; not starting with a digit)","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,63}$"},"additionalProperties":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean","array"]},"description":{"type":"string","minLength":1,"maxLength":2000},"items":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean"]}}},"enum":{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":256}}}}},"required":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","description":"a field name (letters, digits, _; not starting with a digit)","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,63}$"}}}},"target":{"type":"object","additionalProperties":false,"oneOf":[{"required":["lambda"]},{"required":["openApi"]},{"required":["mcpServer"]}],"properties":{"lambda":{"type":"string","description":"a Lambda function ARN (arn:aws:lambda:region:account:function:name)","pattern":"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}$"},"openApi":{"type":"object","additionalProperties":false,"required":["api","operation"],"properties":{"api":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"operation":{"type":"string","description":"an OpenAPI operationId","pattern":"^[A-Za-z][A-Za-z0-9_]{0,63}$"}}},"mcpServer":{"type":"object","additionalProperties":false,"required":["plugin","endpoint"],"properties":{"plugin":{"type":"string","minLength":1,"maxLength":214},"endpoint":{"type":"string","description":"an https URL","pattern":"^https://[^\\s]+$","maxLength":2048}}}}}}},"conditions":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"limits":{"type":"object","maxProperties":50,"propertyNames":{"type":"string","description":"a field name (letters, digits, _; not starting with a digit)","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,63}$"},"additionalProperties":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"number"},"max":{"type":"number"}}}},"allowedValues":{"type":"object","maxProperties":50,"propertyNames":{"type":"string","description":"a field name (letters, digits, _; not starting with a digit)","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,63}$"},"additionalProperties":{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":256}}},"requiredFields":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","description":"a field name (letters, digits, _; not starting with a digit)","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,63}$"}},"scopes":{"type":"array","minItems":1,"maxItems":20,"uniqueItems":true,"items":{"type":"string","description":"an OAuth scope (no spaces, quotes or *)","pattern":"^[^\\s\"*\\\\]{1,128}$"}},"claims":{"type":"object","minProperties":1,"maxProperties":20,"propertyNames":{"type":"string","description":"a claim name","pattern":"^[A-Za-z_][A-Za-z0-9_:.-]{0,63}$"},"additionalProperties":{"type":"string","description":"a claim value (no quotes or backslashes)","pattern":"^[^\"\\\\]{1,256}$"}},"when":{"type":"string","minLength":1,"maxLength":4000},"unless":{"type":"string","minLength":1,"maxLength":4000}}}}}},"dataStores":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name","kind","classification","retentionDays"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"kind":{"enum":["s3","dynamodb"]},"classification":{"enum":["public","internal","confidential","restricted"]},"retentionDays":{"type":"integer","minimum":1,"maximum":36500},"description":{"type":"string","minLength":1,"maxLength":2000}}}},"models":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name"],"oneOf":[{"required":["path"]},{"required":["hosted"]}],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"description":{"type":"string","minLength":1,"maxLength":2000},"path":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"hosted":{"type":"string","description":"a hosted model id (e.g. a Bedrock model id)","pattern":"^[A-Za-z0-9][A-Za-z0-9._:/-]*$","maxLength":256},"signature":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"ignorePaths":{"type":"array","maxItems":100,"uniqueItems":true,"items":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}},"version":{"type":"string","minLength":1,"maxLength":64},"supplier":{"type":"string","minLength":1,"maxLength":200},"license":{"type":"string","minLength":1,"maxLength":200},"task":{"type":"string","minLength":1,"maxLength":200},"architecture":{"type":"string","minLength":1,"maxLength":200},"card":{"type":"object","additionalProperties":false,"properties":{"url":{"type":"string","pattern":"^https://[^\\s]+$","maxLength":2048},"approach":{"enum":["supervised","unsupervised","reinforcement-learning","semi-supervised","self-supervised"]},"architectureFamily":{"type":"string","minLength":1,"maxLength":200},"datasets":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"maxLength":200},"description":{"type":"string","minLength":1,"maxLength":2000},"url":{"type":"string","pattern":"^https://[^\\s]+$","maxLength":2048},"classification":{"enum":["public","internal","confidential","restricted"]}}}},"inputs":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"outputs":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"performanceMetrics":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["type","value"],"properties":{"type":{"type":"string","minLength":1,"maxLength":200},"value":{"type":"string","minLength":1,"maxLength":200},"slice":{"type":"string","minLength":1,"maxLength":200}}}},"limitations":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"ethicalConsiderations":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"maxLength":500},"mitigationStrategy":{"type":"string","minLength":1,"maxLength":2000}}}},"users":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"useCases":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}}}}}}},"plugins":{"type":"array","maxItems":200,"items":{"type":"object","additionalProperties":false,"oneOf":[{"required":["name","version"]},{"required":["lockfile"]}],"dependentRequired":{"name":["version"],"version":["name"],"integrity":["name","version"],"sourceRepository":["name","version"]},"properties":{"name":{"type":"string","description":"an npm package name","pattern":"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$","maxLength":214},"version":{"type":"string","minLength":1,"maxLength":256},"integrity":{"type":"string","description":"an SRI sha512 integrity (sha512-<base64>)","pattern":"^sha512-[A-Za-z0-9+/]{86}==$"},"sourceRepository":{"type":"string","description":"a repository URL https://host/owner/repo (no trailing slash, no .git)","pattern":"^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$","not":{"pattern":"(\\.git|/)$"},"maxLength":512},"lockfile":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"apis":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name","descriptor","signature","dataClassifications"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"descriptor":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signature":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"dataClassifications":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["public","internal","confidential","restricted"]}},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"network":{"type":"object","additionalProperties":false,"required":["egress"],"properties":{"egress":{"enum":["firewall","none"]}}},"monitoring":{"type":"object","additionalProperties":false,"required":["logRetentionDays"],"properties":{"logRetentionDays":{"enum":[1,3,5,7,14,30,60,90,120,150,180,365,400,545,731,1096,1827,2192,2557,2922,3288,3653]},"alarmEmail":{"type":"string","format":"email","maxLength":254},"alarmTopicArn":{"type":"string","description":"an SNS topic ARN","pattern":"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$"}}},"attestations":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"paused":{"type":"boolean"},"externalBuckets":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["bucket","account"],"properties":{"bucket":{"type":"string","description":"an S3 bucket name","pattern":"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"},"account":{"type":"string","description":"a 12-digit AWS account id","pattern":"^\\d{12}$"},"description":{"type":"string","minLength":1,"maxLength":2000}}}},"runtimeImage":{"type":"object","additionalProperties":false,"required":["ref"],"properties":{"ref":{"type":"string","description":"an image pinned by digest (<registry>/<repository>@sha256:<64 hex>)","pattern":"^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+@sha256:[a-f0-9]{64}$","maxLength":512},"attestation":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"tag":{"type":"string","description":"an OCI tag (letters, digits, _ . -; at most 128)","pattern":"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"},"license":{"type":"string","minLength":1,"maxLength":200}}},"authorizationTests":{"type":"array","maxItems":500,"items":{"type":"object","additionalProperties":false,"required":["name","tool","input","expect"],"properties":{"name":{"type":"string","minLength":1,"maxLength":200},"tool":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"input":{"type":"object"},"claims":{"type":"object","additionalProperties":{"type":"string","maxLength":2048}},"paused":{"type":"boolean"},"expect":{"enum":["allow","deny"]}}}}}};
const func1 = Object.prototype.hasOwnProperty;
const func2 = require("ajv/dist/runtime/ucs2length").default;
const func0 = require("ajv/dist/runtime/equal").default;
const pattern3 = new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$", "u");
const pattern5 = new RegExp("^\\d{12}$", "u");
const pattern6 = new RegExp("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$", "u");
const pattern8 = new RegExp("^[a-z0-9-]+:[A-Za-z0-9]+$", "u");
const pattern9 = new RegExp("^(?:\\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*-]*:(\\d{12}|\\*)?:[^\\s]+)$", "u");
const pattern10 = new RegExp("^[A-Za-z][A-Za-z0-9_]{0,63}$", "u");
const pattern11 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,63}$", "u");
const pattern13 = new RegExp("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}$", "u");
const pattern16 = new RegExp("^https://[^\\s]+$", "u");
const pattern20 = new RegExp("^[^\\s\"*\\\\]{1,128}$", "u");
const pattern21 = new RegExp("^[A-Za-z_][A-Za-z0-9_:.-]{0,63}$", "u");
const pattern22 = new RegExp("^[^\"\\\\]{1,256}$", "u");
const pattern25 = new RegExp("^[^\\\\\\u0000]+$", "u");
const pattern26 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:/-]*$", "u");
const pattern32 = new RegExp("^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$", "u");
const pattern33 = new RegExp("^sha512-[A-Za-z0-9+/]{86}==$", "u");
const pattern34 = new RegExp("(\\.git|/)$", "u");
const pattern35 = new RegExp("^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$", "u");
const pattern42 = new RegExp("^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$", "u");
const pattern44 = new RegExp("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", "u");
const pattern46 = new RegExp("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+@sha256:[a-f0-9]{64}$", "u");
const pattern49 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", "u");
const formats0 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://agentfence.dev/schemas/agent-manifest/v1.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate52.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.description === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.owner === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "owner"},message:"must have required property '"+"owner"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.riskTier === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "riskTier"},message:"must have required property '"+"riskTier"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.autonomy === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "autonomy"},message:"must have required property '"+"autonomy"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.goals === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "goals"},message:"must have required property '"+"goals"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.identity === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "identity"},message:"must have required property '"+"identity"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.tools === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tools"},message:"must have required property '"+"tools"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.dataStores === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "dataStores"},message:"must have required property '"+"dataStores"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.models === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "models"},message:"must have required property '"+"models"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.plugins === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "plugins"},message:"must have required property '"+"plugins"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.apis === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apis"},message:"must have required property '"+"apis"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.network === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "network"},message:"must have required property '"+"network"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.monitoring === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "monitoring"},message:"must have required property '"+"monitoring"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema19.properties, key0))){
const err15 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.version !== undefined){
if(1 !== data.version){
const err16 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func2(data1) > 40){
const err17 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!pattern3.test(data1)){
const err18 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 === "string"){
if(func2(data2) > 2000){
const err20 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(func2(data2) < 1){
const err21 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.owner !== undefined){
let data3 = data.owner;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.team === undefined){
const err23 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/required",keyword:"required",params:{missingProperty: "team"},message:"must have required property '"+"team"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data3.email === undefined){
const err24 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "team") || (key1 === "email"))){
const err25 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data3.team !== undefined){
let data4 = data3.team;
if(typeof data4 === "string"){
if(func2(data4) > 63){
const err26 = {instancePath:instancePath+"/owner/team",schemaPath:"#/properties/owner/properties/team/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(!pattern3.test(data4)){
const err27 = {instancePath:instancePath+"/owner/team",schemaPath:"#/properties/owner/properties/team/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/owner/team",schemaPath:"#/properties/owner/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data3.email !== undefined){
let data5 = data3.email;
if(typeof data5 === "string"){
if(func2(data5) > 254){
const err29 = {instancePath:instancePath+"/owner/email",schemaPath:"#/properties/owner/properties/email/maxLength",keyword:"maxLength",params:{limit: 254},message:"must NOT have more than 254 characters"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!(formats0.test(data5))){
const err30 = {instancePath:instancePath+"/owner/email",schemaPath:"#/properties/owner/properties/email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\""};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/owner/email",schemaPath:"#/properties/owner/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.riskTier !== undefined){
let data6 = data.riskTier;
if(!((data6 === "low") || (data6 === "high"))){
const err33 = {instancePath:instancePath+"/riskTier",schemaPath:"#/properties/riskTier/enum",keyword:"enum",params:{allowedValues: schema19.properties.riskTier.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.autonomy !== undefined){
let data7 = data.autonomy;
if(!(((data7 === "assistive") || (data7 === "supervised")) || (data7 === "autonomous"))){
const err34 = {instancePath:instancePath+"/autonomy",schemaPath:"#/properties/autonomy/enum",keyword:"enum",params:{allowedValues: schema19.properties.autonomy.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.goals !== undefined){
let data8 = data.goals;
if(Array.isArray(data8)){
if(data8.length > 50){
const err35 = {instancePath:instancePath+"/goals",schemaPath:"#/properties/goals/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data8.length < 1){
const err36 = {instancePath:instancePath+"/goals",schemaPath:"#/properties/goals/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 === "string"){
if(func2(data9) > 2000){
const err37 = {instancePath:instancePath+"/goals/" + i0,schemaPath:"#/properties/goals/items/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(func2(data9) < 1){
const err38 = {instancePath:instancePath+"/goals/" + i0,schemaPath:"#/properties/goals/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/goals/" + i0,schemaPath:"#/properties/goals/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/goals",schemaPath:"#/properties/goals/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.identity !== undefined){
let data10 = data.identity;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.runtime === undefined){
const err41 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/required",keyword:"required",params:{missingProperty: "runtime"},message:"must have required property '"+"runtime"+"'"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data10.account === undefined){
const err42 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/required",keyword:"required",params:{missingProperty: "account"},message:"must have required property '"+"account"+"'"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data10.region === undefined){
const err43 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/required",keyword:"required",params:{missingProperty: "region"},message:"must have required property '"+"region"+"'"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
for(const key2 in data10){
if(!(((key2 === "runtime") || (key2 === "account")) || (key2 === "region"))){
const err44 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data10.runtime !== undefined){
let data11 = data10.runtime;
if(!((((data11 === "agentcore") || (data11 === "ecs")) || (data11 === "lambda")) || (data11 === "eks"))){
const err45 = {instancePath:instancePath+"/identity/runtime",schemaPath:"#/properties/identity/properties/runtime/enum",keyword:"enum",params:{allowedValues: schema19.properties.identity.properties.runtime.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data10.account !== undefined){
let data12 = data10.account;
if(typeof data12 === "string"){
if(!pattern5.test(data12)){
const err46 = {instancePath:instancePath+"/identity/account",schemaPath:"#/properties/identity/properties/account/pattern",keyword:"pattern",params:{pattern: "^\\d{12}$"},message:"must match pattern \""+"^\\d{12}$"+"\""};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/identity/account",schemaPath:"#/properties/identity/properties/account/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data10.region !== undefined){
let data13 = data10.region;
if(typeof data13 === "string"){
if(!pattern6.test(data13)){
const err48 = {instancePath:instancePath+"/identity/region",schemaPath:"#/properties/identity/properties/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$"},message:"must match pattern \""+"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$"+"\""};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/identity/region",schemaPath:"#/properties/identity/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/identity",schemaPath:"#/properties/identity/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.tools !== undefined){
let data14 = data.tools;
if(Array.isArray(data14)){
if(data14.length > 200){
const err51 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
let data15 = data14[i1];
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.name === undefined){
const err52 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data15.actions === undefined){
const err53 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/required",keyword:"required",params:{missingProperty: "actions"},message:"must have required property '"+"actions"+"'"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data15.resources === undefined){
const err54 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/required",keyword:"required",params:{missingProperty: "resources"},message:"must have required property '"+"resources"+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data15.risk === undefined){
const err55 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/required",keyword:"required",params:{missingProperty: "risk"},message:"must have required property '"+"risk"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data15.approval === undefined){
const err56 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/required",keyword:"required",params:{missingProperty: "approval"},message:"must have required property '"+"approval"+"'"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
for(const key3 in data15){
if(!((((((((key3 === "name") || (key3 === "description")) || (key3 === "actions")) || (key3 === "resources")) || (key3 === "risk")) || (key3 === "approval")) || (key3 === "mcp")) || (key3 === "conditions"))){
const err57 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data15.name !== undefined){
let data16 = data15.name;
if(typeof data16 === "string"){
if(func2(data16) > 63){
const err58 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/properties/tools/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(!pattern3.test(data16)){
const err59 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/properties/tools/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/tools/" + i1+"/name",schemaPath:"#/properties/tools/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data15.description !== undefined){
let data17 = data15.description;
if(typeof data17 === "string"){
if(func2(data17) > 2000){
const err61 = {instancePath:instancePath+"/tools/" + i1+"/description",schemaPath:"#/properties/tools/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(func2(data17) < 1){
const err62 = {instancePath:instancePath+"/tools/" + i1+"/description",schemaPath:"#/properties/tools/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/tools/" + i1+"/description",schemaPath:"#/properties/tools/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data15.actions !== undefined){
let data18 = data15.actions;
if(Array.isArray(data18)){
if(data18.length > 100){
const err64 = {instancePath:instancePath+"/tools/" + i1+"/actions",schemaPath:"#/properties/tools/items/properties/actions/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(data18.length < 1){
const err65 = {instancePath:instancePath+"/tools/" + i1+"/actions",schemaPath:"#/properties/tools/items/properties/actions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
const len2 = data18.length;
for(let i2=0; i2<len2; i2++){
let data19 = data18[i2];
if(typeof data19 === "string"){
if(func2(data19) > 128){
const err66 = {instancePath:instancePath+"/tools/" + i1+"/actions/" + i2,schemaPath:"#/properties/tools/items/properties/actions/items/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(!pattern8.test(data19)){
const err67 = {instancePath:instancePath+"/tools/" + i1+"/actions/" + i2,schemaPath:"#/properties/tools/items/properties/actions/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+:[A-Za-z0-9]+$"},message:"must match pattern \""+"^[a-z0-9-]+:[A-Za-z0-9]+$"+"\""};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/tools/" + i1+"/actions/" + i2,schemaPath:"#/properties/tools/items/properties/actions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
let i3 = data18.length;
let j0;
if(i3 > 1){
const indices0 = {};
for(;i3--;){
let item0 = data18[i3];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err69 = {instancePath:instancePath+"/tools/" + i1+"/actions",schemaPath:"#/properties/tools/items/properties/actions/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
break;
}
indices0[item0] = i3;
}
}
}
else {
const err70 = {instancePath:instancePath+"/tools/" + i1+"/actions",schemaPath:"#/properties/tools/items/properties/actions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data15.resources !== undefined){
let data20 = data15.resources;
if(Array.isArray(data20)){
if(data20.length > 100){
const err71 = {instancePath:instancePath+"/tools/" + i1+"/resources",schemaPath:"#/properties/tools/items/properties/resources/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(data20.length < 1){
const err72 = {instancePath:instancePath+"/tools/" + i1+"/resources",schemaPath:"#/properties/tools/items/properties/resources/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
const len3 = data20.length;
for(let i4=0; i4<len3; i4++){
let data21 = data20[i4];
if(typeof data21 === "string"){
if(func2(data21) > 2048){
const err73 = {instancePath:instancePath+"/tools/" + i1+"/resources/" + i4,schemaPath:"#/properties/tools/items/properties/resources/items/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if(!pattern9.test(data21)){
const err74 = {instancePath:instancePath+"/tools/" + i1+"/resources/" + i4,schemaPath:"#/properties/tools/items/properties/resources/items/pattern",keyword:"pattern",params:{pattern: "^(?:\\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*-]*:(\\d{12}|\\*)?:[^\\s]+)$"},message:"must match pattern \""+"^(?:\\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*-]*:(\\d{12}|\\*)?:[^\\s]+)$"+"\""};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/tools/" + i1+"/resources/" + i4,schemaPath:"#/properties/tools/items/properties/resources/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
let i5 = data20.length;
let j1;
if(i5 > 1){
const indices1 = {};
for(;i5--;){
let item1 = data20[i5];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err76 = {instancePath:instancePath+"/tools/" + i1+"/resources",schemaPath:"#/properties/tools/items/properties/resources/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i5+" are identical)"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
break;
}
indices1[item1] = i5;
}
}
}
else {
const err77 = {instancePath:instancePath+"/tools/" + i1+"/resources",schemaPath:"#/properties/tools/items/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data15.risk !== undefined){
let data22 = data15.risk;
if(!((data22 === "low") || (data22 === "high"))){
const err78 = {instancePath:instancePath+"/tools/" + i1+"/risk",schemaPath:"#/properties/tools/items/properties/risk/enum",keyword:"enum",params:{allowedValues: schema19.properties.tools.items.properties.risk.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data15.approval !== undefined){
let data23 = data15.approval;
if(!((data23 === "required") || (data23 === "none"))){
const err79 = {instancePath:instancePath+"/tools/" + i1+"/approval",schemaPath:"#/properties/tools/items/properties/approval/enum",keyword:"enum",params:{allowedValues: schema19.properties.tools.items.properties.approval.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data15.mcp !== undefined){
let data24 = data15.mcp;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.toolName === undefined){
const err80 = {instancePath:instancePath+"/tools/" + i1+"/mcp",schemaPath:"#/properties/tools/items/properties/mcp/required",keyword:"required",params:{missingProperty: "toolName"},message:"must have required property '"+"toolName"+"'"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(data24.description === undefined){
const err81 = {instancePath:instancePath+"/tools/" + i1+"/mcp",schemaPath:"#/properties/tools/items/properties/mcp/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if(data24.inputSchema === undefined){
const err82 = {instancePath:instancePath+"/tools/" + i1+"/mcp",schemaPath:"#/properties/tools/items/properties/mcp/required",keyword:"required",params:{missingProperty: "inputSchema"},message:"must have required property '"+"inputSchema"+"'"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if(data24.target === undefined){
const err83 = {instancePath:instancePath+"/tools/" + i1+"/mcp",schemaPath:"#/properties/tools/items/properties/mcp/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
for(const key4 in data24){
if(!((((key4 === "toolName") || (key4 === "description")) || (key4 === "inputSchema")) || (key4 === "target"))){
const err84 = {instancePath:instancePath+"/tools/" + i1+"/mcp",schemaPath:"#/properties/tools/items/properties/mcp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data24.toolName !== undefined){
let data25 = data24.toolName;
if(typeof data25 === "string"){
if(!pattern10.test(data25)){
const err85 = {instancePath:instancePath+"/tools/" + i1+"/mcp/toolName",schemaPath:"#/properties/tools/items/properties/mcp/properties/toolName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,63}$"+"\""};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/tools/" + i1+"/mcp/toolName",schemaPath:"#/properties/tools/items/properties/mcp/properties/toolName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data24.description !== undefined){
let data26 = data24.description;
if(typeof data26 === "string"){
if(func2(data26) > 2000){
const err87 = {instancePath:instancePath+"/tools/" + i1+"/mcp/description",schemaPath:"#/properties/tools/items/properties/mcp/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
if(func2(data26) < 1){
const err88 = {instancePath:instancePath+"/tools/" + i1+"/mcp/description",schemaPath:"#/properties/tools/items/properties/mcp/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/tools/" + i1+"/mcp/description",schemaPath:"#/properties/tools/items/properties/mcp/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data24.inputSchema !== undefined){
let data27 = data24.inputSchema;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.type === undefined){
const err90 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data27.properties === undefined){
const err91 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/required",keyword:"required",params:{missingProperty: "properties"},message:"must have required property '"+"properties"+"'"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
for(const key5 in data27){
if(!(((key5 === "type") || (key5 === "properties")) || (key5 === "required"))){
const err92 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data27.type !== undefined){
if("object" !== data27.type){
const err93 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/type",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/type/const",keyword:"const",params:{allowedValue: "object"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data27.properties !== undefined){
let data29 = data27.properties;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(Object.keys(data29).length > 50){
const err94 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/maxProperties",keyword:"maxProperties",params:{limit: 50},message:"must NOT have more than 50 properties"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
for(const key6 in data29){
const _errs60 = errors;
if(typeof key6 === "string"){
if(!pattern11.test(key6)){
const err95 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,63}$"+"\"",propertyName:key6};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key6};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
var valid16 = _errs60 === errors;
if(!valid16){
const err97 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
for(const key7 in data29){
let data30 = data29[key7];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.type === undefined){
const err98 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
for(const key8 in data30){
if(!((((key8 === "type") || (key8 === "description")) || (key8 === "items")) || (key8 === "enum"))){
const err99 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data30.type !== undefined){
let data31 = data30.type;
if(!(((((data31 === "string") || (data31 === "integer")) || (data31 === "number")) || (data31 === "boolean")) || (data31 === "array"))){
const err100 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/type/enum",keyword:"enum",params:{allowedValues: schema19.properties.tools.items.properties.mcp.properties.inputSchema.properties.properties.additionalProperties.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data30.description !== undefined){
let data32 = data30.description;
if(typeof data32 === "string"){
if(func2(data32) > 2000){
const err101 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if(func2(data32) < 1){
const err102 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
else {
const err103 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data30.items !== undefined){
let data33 = data30.items;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.type === undefined){
const err104 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/items",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
for(const key9 in data33){
if(!(key9 === "type")){
const err105 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/items",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data33.type !== undefined){
let data34 = data33.type;
if(!((((data34 === "string") || (data34 === "integer")) || (data34 === "number")) || (data34 === "boolean"))){
const err106 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/items/type",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema19.properties.tools.items.properties.mcp.properties.inputSchema.properties.properties.additionalProperties.properties.items.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/items",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data30.enum !== undefined){
let data35 = data30.enum;
if(Array.isArray(data35)){
if(data35.length > 100){
const err108 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
if(data35.length < 1){
const err109 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
const len4 = data35.length;
for(let i6=0; i6<len4; i6++){
let data36 = data35[i6];
if(typeof data36 === "string"){
if(func2(data36) > 256){
const err110 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum/" + i6,schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/items/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
if(func2(data36) < 1){
const err111 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum/" + i6,schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
else {
const err112 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum/" + i6,schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
let i7 = data35.length;
let j2;
if(i7 > 1){
const indices2 = {};
for(;i7--;){
let item2 = data35[i7];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err113 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i7+" are identical)"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
break;
}
indices2[item2] = i7;
}
}
}
else {
const err114 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/properties/enum/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
}
else {
const err115 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
else {
const err116 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/properties",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/properties/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data27.required !== undefined){
let data37 = data27.required;
if(Array.isArray(data37)){
if(data37.length > 50){
const err117 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/required",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/required/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
const len5 = data37.length;
for(let i8=0; i8<len5; i8++){
let data38 = data37[i8];
if(typeof data38 === "string"){
if(!pattern11.test(data38)){
const err118 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/required/" + i8,schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/required/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,63}$"+"\""};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
else {
const err119 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/required/" + i8,schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/required/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
let i9 = data37.length;
let j3;
if(i9 > 1){
const indices3 = {};
for(;i9--;){
let item3 = data37[i9];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err120 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/required",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/required/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i9+" are identical)"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
break;
}
indices3[item3] = i9;
}
}
}
else {
const err121 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema/required",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/properties/required/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
}
else {
const err122 = {instancePath:instancePath+"/tools/" + i1+"/mcp/inputSchema",schemaPath:"#/properties/tools/items/properties/mcp/properties/inputSchema/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data24.target !== undefined){
let data39 = data24.target;
const _errs83 = errors;
let valid26 = false;
let passing0 = null;
const _errs84 = errors;
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
if(data39.lambda === undefined){
const err123 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/oneOf/0/required",keyword:"required",params:{missingProperty: "lambda"},message:"must have required property '"+"lambda"+"'"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
var _valid0 = _errs84 === errors;
if(_valid0){
valid26 = true;
passing0 = 0;
}
const _errs85 = errors;
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
if(data39.openApi === undefined){
const err124 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/oneOf/1/required",keyword:"required",params:{missingProperty: "openApi"},message:"must have required property '"+"openApi"+"'"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
var _valid0 = _errs85 === errors;
if(_valid0 && valid26){
valid26 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid26 = true;
passing0 = 1;
}
const _errs86 = errors;
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
if(data39.mcpServer === undefined){
const err125 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/oneOf/2/required",keyword:"required",params:{missingProperty: "mcpServer"},message:"must have required property '"+"mcpServer"+"'"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
var _valid0 = _errs86 === errors;
if(_valid0 && valid26){
valid26 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid26 = true;
passing0 = 2;
}
}
}
if(!valid26){
const err126 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
else {
errors = _errs83;
if(vErrors !== null){
if(_errs83){
vErrors.length = _errs83;
}
else {
vErrors = null;
}
}
}
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
for(const key10 in data39){
if(!(((key10 === "lambda") || (key10 === "openApi")) || (key10 === "mcpServer"))){
const err127 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data39.lambda !== undefined){
let data40 = data39.lambda;
if(typeof data40 === "string"){
if(!pattern13.test(data40)){
const err128 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/lambda",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/lambda/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
else {
const err129 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/lambda",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/lambda/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data39.openApi !== undefined){
let data41 = data39.openApi;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.api === undefined){
const err130 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/required",keyword:"required",params:{missingProperty: "api"},message:"must have required property '"+"api"+"'"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
if(data41.operation === undefined){
const err131 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/required",keyword:"required",params:{missingProperty: "operation"},message:"must have required property '"+"operation"+"'"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
for(const key11 in data41){
if(!((key11 === "api") || (key11 === "operation"))){
const err132 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data41.api !== undefined){
let data42 = data41.api;
if(typeof data42 === "string"){
if(func2(data42) > 63){
const err133 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi/api",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/properties/api/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
if(!pattern3.test(data42)){
const err134 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi/api",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/properties/api/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
else {
const err135 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi/api",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/properties/api/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data41.operation !== undefined){
let data43 = data41.operation;
if(typeof data43 === "string"){
if(!pattern10.test(data43)){
const err136 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi/operation",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/properties/operation/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,63}$"+"\""};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
else {
const err137 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi/operation",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/properties/operation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
else {
const err138 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/openApi",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/openApi/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data39.mcpServer !== undefined){
let data44 = data39.mcpServer;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
if(data44.plugin === undefined){
const err139 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/required",keyword:"required",params:{missingProperty: "plugin"},message:"must have required property '"+"plugin"+"'"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
if(data44.endpoint === undefined){
const err140 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/required",keyword:"required",params:{missingProperty: "endpoint"},message:"must have required property '"+"endpoint"+"'"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
for(const key12 in data44){
if(!((key12 === "plugin") || (key12 === "endpoint"))){
const err141 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data44.plugin !== undefined){
let data45 = data44.plugin;
if(typeof data45 === "string"){
if(func2(data45) > 214){
const err142 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer/plugin",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/properties/plugin/maxLength",keyword:"maxLength",params:{limit: 214},message:"must NOT have more than 214 characters"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
if(func2(data45) < 1){
const err143 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer/plugin",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/properties/plugin/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
else {
const err144 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer/plugin",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/properties/plugin/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data44.endpoint !== undefined){
let data46 = data44.endpoint;
if(typeof data46 === "string"){
if(func2(data46) > 2048){
const err145 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer/endpoint",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/properties/endpoint/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
if(!pattern16.test(data46)){
const err146 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer/endpoint",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/properties/endpoint/pattern",keyword:"pattern",params:{pattern: "^https://[^\\s]+$"},message:"must match pattern \""+"^https://[^\\s]+$"+"\""};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
else {
const err147 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer/endpoint",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
}
else {
const err148 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target/mcpServer",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/properties/mcpServer/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
}
else {
const err149 = {instancePath:instancePath+"/tools/" + i1+"/mcp/target",schemaPath:"#/properties/tools/items/properties/mcp/properties/target/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
}
else {
const err150 = {instancePath:instancePath+"/tools/" + i1+"/mcp",schemaPath:"#/properties/tools/items/properties/mcp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data15.conditions !== undefined){
let data47 = data15.conditions;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
if(Object.keys(data47).length < 1){
const err151 = {instancePath:instancePath+"/tools/" + i1+"/conditions",schemaPath:"#/properties/tools/items/properties/conditions/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
for(const key13 in data47){
if(!(((((((key13 === "limits") || (key13 === "allowedValues")) || (key13 === "requiredFields")) || (key13 === "scopes")) || (key13 === "claims")) || (key13 === "when")) || (key13 === "unless"))){
const err152 = {instancePath:instancePath+"/tools/" + i1+"/conditions",schemaPath:"#/properties/tools/items/properties/conditions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data47.limits !== undefined){
let data48 = data47.limits;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
if(Object.keys(data48).length > 50){
const err153 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/maxProperties",keyword:"maxProperties",params:{limit: 50},message:"must NOT have more than 50 properties"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
for(const key14 in data48){
const _errs109 = errors;
if(typeof key14 === "string"){
if(!pattern11.test(key14)){
const err154 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,63}$"+"\"",propertyName:key14};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
else {
const err155 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key14};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
var valid31 = _errs109 === errors;
if(!valid31){
const err156 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/propertyNames",keyword:"propertyNames",params:{propertyName: key14},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
for(const key15 in data48){
let data49 = data48[key15];
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if(Object.keys(data49).length < 1){
const err157 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/additionalProperties/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
for(const key16 in data49){
if(!((key16 === "min") || (key16 === "max"))){
const err158 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data49.min !== undefined){
let data50 = data49.min;
if(!((typeof data50 == "number") && (isFinite(data50)))){
const err159 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits/" + key15.replace(/~/g, "~0").replace(/\//g, "~1")+"/min",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/additionalProperties/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data49.max !== undefined){
let data51 = data49.max;
if(!((typeof data51 == "number") && (isFinite(data51)))){
const err160 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits/" + key15.replace(/~/g, "~0").replace(/\//g, "~1")+"/max",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/additionalProperties/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
else {
const err161 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
}
else {
const err162 = {instancePath:instancePath+"/tools/" + i1+"/conditions/limits",schemaPath:"#/properties/tools/items/properties/conditions/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data47.allowedValues !== undefined){
let data52 = data47.allowedValues;
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
if(Object.keys(data52).length > 50){
const err163 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues",schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/maxProperties",keyword:"maxProperties",params:{limit: 50},message:"must NOT have more than 50 properties"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
for(const key17 in data52){
const _errs121 = errors;
if(typeof key17 === "string"){
if(!pattern11.test(key17)){
const err164 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues",schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,63}$"+"\"",propertyName:key17};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
else {
const err165 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues",schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key17};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
var valid34 = _errs121 === errors;
if(!valid34){
const err166 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues",schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/propertyNames",keyword:"propertyNames",params:{propertyName: key17},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
for(const key18 in data52){
let data53 = data52[key18];
if(Array.isArray(data53)){
if(data53.length > 100){
const err167 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
if(data53.length < 1){
const err168 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
const len6 = data53.length;
for(let i10=0; i10<len6; i10++){
let data54 = data53[i10];
if(typeof data54 === "string"){
if(func2(data54) > 256){
const err169 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i10,schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/items/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
if(func2(data54) < 1){
const err170 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i10,schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
else {
const err171 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i10,schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
let i11 = data53.length;
let j4;
if(i11 > 1){
const indices4 = {};
for(;i11--;){
let item4 = data53[i11];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
const err172 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/uniqueItems",keyword:"uniqueItems",params:{i: i11, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i11+" are identical)"};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
break;
}
indices4[item4] = i11;
}
}
}
else {
const err173 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
}
else {
const err174 = {instancePath:instancePath+"/tools/" + i1+"/conditions/allowedValues",schemaPath:"#/properties/tools/items/properties/conditions/properties/allowedValues/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
if(data47.requiredFields !== undefined){
let data55 = data47.requiredFields;
if(Array.isArray(data55)){
if(data55.length > 50){
const err175 = {instancePath:instancePath+"/tools/" + i1+"/conditions/requiredFields",schemaPath:"#/properties/tools/items/properties/conditions/properties/requiredFields/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
const len7 = data55.length;
for(let i12=0; i12<len7; i12++){
let data56 = data55[i12];
if(typeof data56 === "string"){
if(!pattern11.test(data56)){
const err176 = {instancePath:instancePath+"/tools/" + i1+"/conditions/requiredFields/" + i12,schemaPath:"#/properties/tools/items/properties/conditions/properties/requiredFields/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,63}$"+"\""};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
else {
const err177 = {instancePath:instancePath+"/tools/" + i1+"/conditions/requiredFields/" + i12,schemaPath:"#/properties/tools/items/properties/conditions/properties/requiredFields/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
let i13 = data55.length;
let j5;
if(i13 > 1){
const indices5 = {};
for(;i13--;){
let item5 = data55[i13];
if(typeof item5 !== "string"){
continue;
}
if(typeof indices5[item5] == "number"){
j5 = indices5[item5];
const err178 = {instancePath:instancePath+"/tools/" + i1+"/conditions/requiredFields",schemaPath:"#/properties/tools/items/properties/conditions/properties/requiredFields/uniqueItems",keyword:"uniqueItems",params:{i: i13, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i13+" are identical)"};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
break;
}
indices5[item5] = i13;
}
}
}
else {
const err179 = {instancePath:instancePath+"/tools/" + i1+"/conditions/requiredFields",schemaPath:"#/properties/tools/items/properties/conditions/properties/requiredFields/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
if(data47.scopes !== undefined){
let data57 = data47.scopes;
if(Array.isArray(data57)){
if(data57.length > 20){
const err180 = {instancePath:instancePath+"/tools/" + i1+"/conditions/scopes",schemaPath:"#/properties/tools/items/properties/conditions/properties/scopes/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
if(data57.length < 1){
const err181 = {instancePath:instancePath+"/tools/" + i1+"/conditions/scopes",schemaPath:"#/properties/tools/items/properties/conditions/properties/scopes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
const len8 = data57.length;
for(let i14=0; i14<len8; i14++){
let data58 = data57[i14];
if(typeof data58 === "string"){
if(!pattern20.test(data58)){
const err182 = {instancePath:instancePath+"/tools/" + i1+"/conditions/scopes/" + i14,schemaPath:"#/properties/tools/items/properties/conditions/properties/scopes/items/pattern",keyword:"pattern",params:{pattern: "^[^\\s\"*\\\\]{1,128}$"},message:"must match pattern \""+"^[^\\s\"*\\\\]{1,128}$"+"\""};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
else {
const err183 = {instancePath:instancePath+"/tools/" + i1+"/conditions/scopes/" + i14,schemaPath:"#/properties/tools/items/properties/conditions/properties/scopes/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
let i15 = data57.length;
let j6;
if(i15 > 1){
const indices6 = {};
for(;i15--;){
let item6 = data57[i15];
if(typeof item6 !== "string"){
continue;
}
if(typeof indices6[item6] == "number"){
j6 = indices6[item6];
const err184 = {instancePath:instancePath+"/tools/" + i1+"/conditions/scopes",schemaPath:"#/properties/tools/items/properties/conditions/properties/scopes/uniqueItems",keyword:"uniqueItems",params:{i: i15, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i15+" are identical)"};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
break;
}
indices6[item6] = i15;
}
}
}
else {
const err185 = {instancePath:instancePath+"/tools/" + i1+"/conditions/scopes",schemaPath:"#/properties/tools/items/properties/conditions/properties/scopes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
if(data47.claims !== undefined){
let data59 = data47.claims;
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
if(Object.keys(data59).length > 20){
const err186 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims",schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/maxProperties",keyword:"maxProperties",params:{limit: 20},message:"must NOT have more than 20 properties"};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
if(Object.keys(data59).length < 1){
const err187 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims",schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
for(const key19 in data59){
const _errs138 = errors;
if(typeof key19 === "string"){
if(!pattern21.test(key19)){
const err188 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims",schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_:.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_:.-]{0,63}$"+"\"",propertyName:key19};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
else {
const err189 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims",schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key19};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
var valid45 = _errs138 === errors;
if(!valid45){
const err190 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims",schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/propertyNames",keyword:"propertyNames",params:{propertyName: key19},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
for(const key20 in data59){
let data60 = data59[key20];
if(typeof data60 === "string"){
if(!pattern22.test(data60)){
const err191 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims/" + key20.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[^\"\\\\]{1,256}$"},message:"must match pattern \""+"^[^\"\\\\]{1,256}$"+"\""};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
else {
const err192 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims/" + key20.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
}
else {
const err193 = {instancePath:instancePath+"/tools/" + i1+"/conditions/claims",schemaPath:"#/properties/tools/items/properties/conditions/properties/claims/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
if(data47.when !== undefined){
let data61 = data47.when;
if(typeof data61 === "string"){
if(func2(data61) > 4000){
const err194 = {instancePath:instancePath+"/tools/" + i1+"/conditions/when",schemaPath:"#/properties/tools/items/properties/conditions/properties/when/maxLength",keyword:"maxLength",params:{limit: 4000},message:"must NOT have more than 4000 characters"};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if(func2(data61) < 1){
const err195 = {instancePath:instancePath+"/tools/" + i1+"/conditions/when",schemaPath:"#/properties/tools/items/properties/conditions/properties/when/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
else {
const err196 = {instancePath:instancePath+"/tools/" + i1+"/conditions/when",schemaPath:"#/properties/tools/items/properties/conditions/properties/when/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
if(data47.unless !== undefined){
let data62 = data47.unless;
if(typeof data62 === "string"){
if(func2(data62) > 4000){
const err197 = {instancePath:instancePath+"/tools/" + i1+"/conditions/unless",schemaPath:"#/properties/tools/items/properties/conditions/properties/unless/maxLength",keyword:"maxLength",params:{limit: 4000},message:"must NOT have more than 4000 characters"};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
if(func2(data62) < 1){
const err198 = {instancePath:instancePath+"/tools/" + i1+"/conditions/unless",schemaPath:"#/properties/tools/items/properties/conditions/properties/unless/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
else {
const err199 = {instancePath:instancePath+"/tools/" + i1+"/conditions/unless",schemaPath:"#/properties/tools/items/properties/conditions/properties/unless/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
}
else {
const err200 = {instancePath:instancePath+"/tools/" + i1+"/conditions",schemaPath:"#/properties/tools/items/properties/conditions/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
}
}
else {
const err201 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
}
}
else {
const err202 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
if(data.dataStores !== undefined){
let data63 = data.dataStores;
if(Array.isArray(data63)){
if(data63.length > 50){
const err203 = {instancePath:instancePath+"/dataStores",schemaPath:"#/properties/dataStores/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
const len9 = data63.length;
for(let i16=0; i16<len9; i16++){
let data64 = data63[i16];
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64.name === undefined){
const err204 = {instancePath:instancePath+"/dataStores/" + i16,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
if(data64.kind === undefined){
const err205 = {instancePath:instancePath+"/dataStores/" + i16,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
if(data64.classification === undefined){
const err206 = {instancePath:instancePath+"/dataStores/" + i16,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "classification"},message:"must have required property '"+"classification"+"'"};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
if(data64.retentionDays === undefined){
const err207 = {instancePath:instancePath+"/dataStores/" + i16,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "retentionDays"},message:"must have required property '"+"retentionDays"+"'"};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
for(const key21 in data64){
if(!(((((key21 === "name") || (key21 === "kind")) || (key21 === "classification")) || (key21 === "retentionDays")) || (key21 === "description"))){
const err208 = {instancePath:instancePath+"/dataStores/" + i16,schemaPath:"#/properties/dataStores/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
if(data64.name !== undefined){
let data65 = data64.name;
if(typeof data65 === "string"){
if(func2(data65) > 63){
const err209 = {instancePath:instancePath+"/dataStores/" + i16+"/name",schemaPath:"#/properties/dataStores/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
if(!pattern3.test(data65)){
const err210 = {instancePath:instancePath+"/dataStores/" + i16+"/name",schemaPath:"#/properties/dataStores/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
else {
const err211 = {instancePath:instancePath+"/dataStores/" + i16+"/name",schemaPath:"#/properties/dataStores/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
if(data64.kind !== undefined){
let data66 = data64.kind;
if(!((data66 === "s3") || (data66 === "dynamodb"))){
const err212 = {instancePath:instancePath+"/dataStores/" + i16+"/kind",schemaPath:"#/properties/dataStores/items/properties/kind/enum",keyword:"enum",params:{allowedValues: schema19.properties.dataStores.items.properties.kind.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
if(data64.classification !== undefined){
let data67 = data64.classification;
if(!((((data67 === "public") || (data67 === "internal")) || (data67 === "confidential")) || (data67 === "restricted"))){
const err213 = {instancePath:instancePath+"/dataStores/" + i16+"/classification",schemaPath:"#/properties/dataStores/items/properties/classification/enum",keyword:"enum",params:{allowedValues: schema19.properties.dataStores.items.properties.classification.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
if(data64.retentionDays !== undefined){
let data68 = data64.retentionDays;
if(!(((typeof data68 == "number") && (!(data68 % 1) && !isNaN(data68))) && (isFinite(data68)))){
const err214 = {instancePath:instancePath+"/dataStores/" + i16+"/retentionDays",schemaPath:"#/properties/dataStores/items/properties/retentionDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
if((typeof data68 == "number") && (isFinite(data68))){
if(data68 > 36500 || isNaN(data68)){
const err215 = {instancePath:instancePath+"/dataStores/" + i16+"/retentionDays",schemaPath:"#/properties/dataStores/items/properties/retentionDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
if(data68 < 1 || isNaN(data68)){
const err216 = {instancePath:instancePath+"/dataStores/" + i16+"/retentionDays",schemaPath:"#/properties/dataStores/items/properties/retentionDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
}
if(data64.description !== undefined){
let data69 = data64.description;
if(typeof data69 === "string"){
if(func2(data69) > 2000){
const err217 = {instancePath:instancePath+"/dataStores/" + i16+"/description",schemaPath:"#/properties/dataStores/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
if(func2(data69) < 1){
const err218 = {instancePath:instancePath+"/dataStores/" + i16+"/description",schemaPath:"#/properties/dataStores/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
else {
const err219 = {instancePath:instancePath+"/dataStores/" + i16+"/description",schemaPath:"#/properties/dataStores/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
}
else {
const err220 = {instancePath:instancePath+"/dataStores/" + i16,schemaPath:"#/properties/dataStores/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
}
}
else {
const err221 = {instancePath:instancePath+"/dataStores",schemaPath:"#/properties/dataStores/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data.models !== undefined){
let data70 = data.models;
if(Array.isArray(data70)){
if(data70.length > 50){
const err222 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
const len10 = data70.length;
for(let i17=0; i17<len10; i17++){
let data71 = data70[i17];
const _errs164 = errors;
let valid52 = false;
let passing1 = null;
const _errs165 = errors;
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.path === undefined){
const err223 = {instancePath:instancePath+"/models/" + i17,schemaPath:"#/properties/models/items/oneOf/0/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
}
var _valid1 = _errs165 === errors;
if(_valid1){
valid52 = true;
passing1 = 0;
}
const _errs166 = errors;
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.hosted === undefined){
const err224 = {instancePath:instancePath+"/models/" + i17,schemaPath:"#/properties/models/items/oneOf/1/required",keyword:"required",params:{missingProperty: "hosted"},message:"must have required property '"+"hosted"+"'"};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
var _valid1 = _errs166 === errors;
if(_valid1 && valid52){
valid52 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid52 = true;
passing1 = 1;
}
}
if(!valid52){
const err225 = {instancePath:instancePath+"/models/" + i17,schemaPath:"#/properties/models/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
else {
errors = _errs164;
if(vErrors !== null){
if(_errs164){
vErrors.length = _errs164;
}
else {
vErrors = null;
}
}
}
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
if(data71.name === undefined){
const err226 = {instancePath:instancePath+"/models/" + i17,schemaPath:"#/properties/models/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
for(const key22 in data71){
if(!(func1.call(schema19.properties.models.items.properties, key22))){
const err227 = {instancePath:instancePath+"/models/" + i17,schemaPath:"#/properties/models/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
if(data71.name !== undefined){
let data72 = data71.name;
if(typeof data72 === "string"){
if(func2(data72) > 63){
const err228 = {instancePath:instancePath+"/models/" + i17+"/name",schemaPath:"#/properties/models/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
if(!pattern3.test(data72)){
const err229 = {instancePath:instancePath+"/models/" + i17+"/name",schemaPath:"#/properties/models/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
else {
const err230 = {instancePath:instancePath+"/models/" + i17+"/name",schemaPath:"#/properties/models/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
if(data71.description !== undefined){
let data73 = data71.description;
if(typeof data73 === "string"){
if(func2(data73) > 2000){
const err231 = {instancePath:instancePath+"/models/" + i17+"/description",schemaPath:"#/properties/models/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
if(func2(data73) < 1){
const err232 = {instancePath:instancePath+"/models/" + i17+"/description",schemaPath:"#/properties/models/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
else {
const err233 = {instancePath:instancePath+"/models/" + i17+"/description",schemaPath:"#/properties/models/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
if(data71.path !== undefined){
let data74 = data71.path;
if(typeof data74 === "string"){
if(func2(data74) > 1024){
const err234 = {instancePath:instancePath+"/models/" + i17+"/path",schemaPath:"#/properties/models/items/properties/path/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
if(func2(data74) < 1){
const err235 = {instancePath:instancePath+"/models/" + i17+"/path",schemaPath:"#/properties/models/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
if(!pattern25.test(data74)){
const err236 = {instancePath:instancePath+"/models/" + i17+"/path",schemaPath:"#/properties/models/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
else {
const err237 = {instancePath:instancePath+"/models/" + i17+"/path",schemaPath:"#/properties/models/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
}
if(data71.hosted !== undefined){
let data75 = data71.hosted;
if(typeof data75 === "string"){
if(func2(data75) > 256){
const err238 = {instancePath:instancePath+"/models/" + i17+"/hosted",schemaPath:"#/properties/models/items/properties/hosted/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
if(!pattern26.test(data75)){
const err239 = {instancePath:instancePath+"/models/" + i17+"/hosted",schemaPath:"#/properties/models/items/properties/hosted/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:/-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"+"\""};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
else {
const err240 = {instancePath:instancePath+"/models/" + i17+"/hosted",schemaPath:"#/properties/models/items/properties/hosted/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
}
if(data71.signature !== undefined){
let data76 = data71.signature;
if(typeof data76 === "string"){
if(func2(data76) > 1024){
const err241 = {instancePath:instancePath+"/models/" + i17+"/signature",schemaPath:"#/properties/models/items/properties/signature/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
if(func2(data76) < 1){
const err242 = {instancePath:instancePath+"/models/" + i17+"/signature",schemaPath:"#/properties/models/items/properties/signature/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
if(!pattern25.test(data76)){
const err243 = {instancePath:instancePath+"/models/" + i17+"/signature",schemaPath:"#/properties/models/items/properties/signature/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
else {
const err244 = {instancePath:instancePath+"/models/" + i17+"/signature",schemaPath:"#/properties/models/items/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
if(data71.signedBy !== undefined){
let data77 = data71.signedBy;
if(typeof data77 === "string"){
if(func2(data77) > 63){
const err245 = {instancePath:instancePath+"/models/" + i17+"/signedBy",schemaPath:"#/properties/models/items/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
if(!pattern3.test(data77)){
const err246 = {instancePath:instancePath+"/models/" + i17+"/signedBy",schemaPath:"#/properties/models/items/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
else {
const err247 = {instancePath:instancePath+"/models/" + i17+"/signedBy",schemaPath:"#/properties/models/items/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
if(data71.ignorePaths !== undefined){
let data78 = data71.ignorePaths;
if(Array.isArray(data78)){
if(data78.length > 100){
const err248 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths",schemaPath:"#/properties/models/items/properties/ignorePaths/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
const len11 = data78.length;
for(let i18=0; i18<len11; i18++){
let data79 = data78[i18];
if(typeof data79 === "string"){
if(func2(data79) > 1024){
const err249 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths/" + i18,schemaPath:"#/properties/models/items/properties/ignorePaths/items/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
if(func2(data79) < 1){
const err250 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths/" + i18,schemaPath:"#/properties/models/items/properties/ignorePaths/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
if(!pattern25.test(data79)){
const err251 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths/" + i18,schemaPath:"#/properties/models/items/properties/ignorePaths/items/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
else {
const err252 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths/" + i18,schemaPath:"#/properties/models/items/properties/ignorePaths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
let i19 = data78.length;
let j7;
if(i19 > 1){
const indices7 = {};
for(;i19--;){
let item7 = data78[i19];
if(typeof item7 !== "string"){
continue;
}
if(typeof indices7[item7] == "number"){
j7 = indices7[item7];
const err253 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths",schemaPath:"#/properties/models/items/properties/ignorePaths/uniqueItems",keyword:"uniqueItems",params:{i: i19, j: j7},message:"must NOT have duplicate items (items ## "+j7+" and "+i19+" are identical)"};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
break;
}
indices7[item7] = i19;
}
}
}
else {
const err254 = {instancePath:instancePath+"/models/" + i17+"/ignorePaths",schemaPath:"#/properties/models/items/properties/ignorePaths/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
}
if(data71.version !== undefined){
let data80 = data71.version;
if(typeof data80 === "string"){
if(func2(data80) > 64){
const err255 = {instancePath:instancePath+"/models/" + i17+"/version",schemaPath:"#/properties/models/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
if(func2(data80) < 1){
const err256 = {instancePath:instancePath+"/models/" + i17+"/version",schemaPath:"#/properties/models/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
}
else {
const err257 = {instancePath:instancePath+"/models/" + i17+"/version",schemaPath:"#/properties/models/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
}
if(data71.supplier !== undefined){
let data81 = data71.supplier;
if(typeof data81 === "string"){
if(func2(data81) > 200){
const err258 = {instancePath:instancePath+"/models/" + i17+"/supplier",schemaPath:"#/properties/models/items/properties/supplier/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
if(func2(data81) < 1){
const err259 = {instancePath:instancePath+"/models/" + i17+"/supplier",schemaPath:"#/properties/models/items/properties/supplier/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
}
else {
const err260 = {instancePath:instancePath+"/models/" + i17+"/supplier",schemaPath:"#/properties/models/items/properties/supplier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
}
if(data71.license !== undefined){
let data82 = data71.license;
if(typeof data82 === "string"){
if(func2(data82) > 200){
const err261 = {instancePath:instancePath+"/models/" + i17+"/license",schemaPath:"#/properties/models/items/properties/license/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
if(func2(data82) < 1){
const err262 = {instancePath:instancePath+"/models/" + i17+"/license",schemaPath:"#/properties/models/items/properties/license/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
}
else {
const err263 = {instancePath:instancePath+"/models/" + i17+"/license",schemaPath:"#/properties/models/items/properties/license/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
if(data71.task !== undefined){
let data83 = data71.task;
if(typeof data83 === "string"){
if(func2(data83) > 200){
const err264 = {instancePath:instancePath+"/models/" + i17+"/task",schemaPath:"#/properties/models/items/properties/task/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
if(func2(data83) < 1){
const err265 = {instancePath:instancePath+"/models/" + i17+"/task",schemaPath:"#/properties/models/items/properties/task/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
}
else {
const err266 = {instancePath:instancePath+"/models/" + i17+"/task",schemaPath:"#/properties/models/items/properties/task/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
if(data71.architecture !== undefined){
let data84 = data71.architecture;
if(typeof data84 === "string"){
if(func2(data84) > 200){
const err267 = {instancePath:instancePath+"/models/" + i17+"/architecture",schemaPath:"#/properties/models/items/properties/architecture/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
if(func2(data84) < 1){
const err268 = {instancePath:instancePath+"/models/" + i17+"/architecture",schemaPath:"#/properties/models/items/properties/architecture/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
else {
const err269 = {instancePath:instancePath+"/models/" + i17+"/architecture",schemaPath:"#/properties/models/items/properties/architecture/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
}
if(data71.card !== undefined){
let data85 = data71.card;
if(data85 && typeof data85 == "object" && !Array.isArray(data85)){
for(const key23 in data85){
if(!(func1.call(schema19.properties.models.items.properties.card.properties, key23))){
const err270 = {instancePath:instancePath+"/models/" + i17+"/card",schemaPath:"#/properties/models/items/properties/card/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
}
if(data85.url !== undefined){
let data86 = data85.url;
if(typeof data86 === "string"){
if(func2(data86) > 2048){
const err271 = {instancePath:instancePath+"/models/" + i17+"/card/url",schemaPath:"#/properties/models/items/properties/card/properties/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
if(!pattern16.test(data86)){
const err272 = {instancePath:instancePath+"/models/" + i17+"/card/url",schemaPath:"#/properties/models/items/properties/card/properties/url/pattern",keyword:"pattern",params:{pattern: "^https://[^\\s]+$"},message:"must match pattern \""+"^https://[^\\s]+$"+"\""};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
}
else {
const err273 = {instancePath:instancePath+"/models/" + i17+"/card/url",schemaPath:"#/properties/models/items/properties/card/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
}
if(data85.approach !== undefined){
let data87 = data85.approach;
if(!(((((data87 === "supervised") || (data87 === "unsupervised")) || (data87 === "reinforcement-learning")) || (data87 === "semi-supervised")) || (data87 === "self-supervised"))){
const err274 = {instancePath:instancePath+"/models/" + i17+"/card/approach",schemaPath:"#/properties/models/items/properties/card/properties/approach/enum",keyword:"enum",params:{allowedValues: schema19.properties.models.items.properties.card.properties.approach.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
if(data85.architectureFamily !== undefined){
let data88 = data85.architectureFamily;
if(typeof data88 === "string"){
if(func2(data88) > 200){
const err275 = {instancePath:instancePath+"/models/" + i17+"/card/architectureFamily",schemaPath:"#/properties/models/items/properties/card/properties/architectureFamily/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
if(func2(data88) < 1){
const err276 = {instancePath:instancePath+"/models/" + i17+"/card/architectureFamily",schemaPath:"#/properties/models/items/properties/card/properties/architectureFamily/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
}
else {
const err277 = {instancePath:instancePath+"/models/" + i17+"/card/architectureFamily",schemaPath:"#/properties/models/items/properties/card/properties/architectureFamily/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
}
if(data85.datasets !== undefined){
let data89 = data85.datasets;
if(Array.isArray(data89)){
if(data89.length > 50){
const err278 = {instancePath:instancePath+"/models/" + i17+"/card/datasets",schemaPath:"#/properties/models/items/properties/card/properties/datasets/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
const len12 = data89.length;
for(let i20=0; i20<len12; i20++){
let data90 = data89[i20];
if(data90 && typeof data90 == "object" && !Array.isArray(data90)){
if(data90.name === undefined){
const err279 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20,schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
for(const key24 in data90){
if(!((((key24 === "name") || (key24 === "description")) || (key24 === "url")) || (key24 === "classification"))){
const err280 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20,schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
}
if(data90.name !== undefined){
let data91 = data90.name;
if(typeof data91 === "string"){
if(func2(data91) > 200){
const err281 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/name",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
if(func2(data91) < 1){
const err282 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/name",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
}
else {
const err283 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/name",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
}
if(data90.description !== undefined){
let data92 = data90.description;
if(typeof data92 === "string"){
if(func2(data92) > 2000){
const err284 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/description",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
if(func2(data92) < 1){
const err285 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/description",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
}
else {
const err286 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/description",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
}
if(data90.url !== undefined){
let data93 = data90.url;
if(typeof data93 === "string"){
if(func2(data93) > 2048){
const err287 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/url",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
if(!pattern16.test(data93)){
const err288 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/url",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/url/pattern",keyword:"pattern",params:{pattern: "^https://[^\\s]+$"},message:"must match pattern \""+"^https://[^\\s]+$"+"\""};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
}
else {
const err289 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/url",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
}
if(data90.classification !== undefined){
let data94 = data90.classification;
if(!((((data94 === "public") || (data94 === "internal")) || (data94 === "confidential")) || (data94 === "restricted"))){
const err290 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20+"/classification",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/classification/enum",keyword:"enum",params:{allowedValues: schema19.properties.models.items.properties.card.properties.datasets.items.properties.classification.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
}
}
else {
const err291 = {instancePath:instancePath+"/models/" + i17+"/card/datasets/" + i20,schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
}
}
else {
const err292 = {instancePath:instancePath+"/models/" + i17+"/card/datasets",schemaPath:"#/properties/models/items/properties/card/properties/datasets/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
}
if(data85.inputs !== undefined){
let data95 = data85.inputs;
if(Array.isArray(data95)){
if(data95.length > 50){
const err293 = {instancePath:instancePath+"/models/" + i17+"/card/inputs",schemaPath:"#/properties/models/items/properties/card/properties/inputs/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
const len13 = data95.length;
for(let i21=0; i21<len13; i21++){
let data96 = data95[i21];
if(typeof data96 === "string"){
if(func2(data96) > 500){
const err294 = {instancePath:instancePath+"/models/" + i17+"/card/inputs/" + i21,schemaPath:"#/properties/models/items/properties/card/properties/inputs/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
if(func2(data96) < 1){
const err295 = {instancePath:instancePath+"/models/" + i17+"/card/inputs/" + i21,schemaPath:"#/properties/models/items/properties/card/properties/inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
}
else {
const err296 = {instancePath:instancePath+"/models/" + i17+"/card/inputs/" + i21,schemaPath:"#/properties/models/items/properties/card/properties/inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
}
let i22 = data95.length;
let j8;
if(i22 > 1){
const indices8 = {};
for(;i22--;){
let item8 = data95[i22];
if(typeof item8 !== "string"){
continue;
}
if(typeof indices8[item8] == "number"){
j8 = indices8[item8];
const err297 = {instancePath:instancePath+"/models/" + i17+"/card/inputs",schemaPath:"#/properties/models/items/properties/card/properties/inputs/uniqueItems",keyword:"uniqueItems",params:{i: i22, j: j8},message:"must NOT have duplicate items (items ## "+j8+" and "+i22+" are identical)"};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
break;
}
indices8[item8] = i22;
}
}
}
else {
const err298 = {instancePath:instancePath+"/models/" + i17+"/card/inputs",schemaPath:"#/properties/models/items/properties/card/properties/inputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
}
if(data85.outputs !== undefined){
let data97 = data85.outputs;
if(Array.isArray(data97)){
if(data97.length > 50){
const err299 = {instancePath:instancePath+"/models/" + i17+"/card/outputs",schemaPath:"#/properties/models/items/properties/card/properties/outputs/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
const len14 = data97.length;
for(let i23=0; i23<len14; i23++){
let data98 = data97[i23];
if(typeof data98 === "string"){
if(func2(data98) > 500){
const err300 = {instancePath:instancePath+"/models/" + i17+"/card/outputs/" + i23,schemaPath:"#/properties/models/items/properties/card/properties/outputs/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
if(func2(data98) < 1){
const err301 = {instancePath:instancePath+"/models/" + i17+"/card/outputs/" + i23,schemaPath:"#/properties/models/items/properties/card/properties/outputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
}
else {
const err302 = {instancePath:instancePath+"/models/" + i17+"/card/outputs/" + i23,schemaPath:"#/properties/models/items/properties/card/properties/outputs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
}
let i24 = data97.length;
let j9;
if(i24 > 1){
const indices9 = {};
for(;i24--;){
let item9 = data97[i24];
if(typeof item9 !== "string"){
continue;
}
if(typeof indices9[item9] == "number"){
j9 = indices9[item9];
const err303 = {instancePath:instancePath+"/models/" + i17+"/card/outputs",schemaPath:"#/properties/models/items/properties/card/properties/outputs/uniqueItems",keyword:"uniqueItems",params:{i: i24, j: j9},message:"must NOT have duplicate items (items ## "+j9+" and "+i24+" are identical)"};
if(vErrors === null){
vErrors = [err303];
}
else {
vErrors.push(err303);
}
errors++;
break;
}
indices9[item9] = i24;
}
}
}
else {
const err304 = {instancePath:instancePath+"/models/" + i17+"/card/outputs",schemaPath:"#/properties/models/items/properties/card/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err304];
}
else {
vErrors.push(err304);
}
errors++;
}
}
if(data85.performanceMetrics !== undefined){
let data99 = data85.performanceMetrics;
if(Array.isArray(data99)){
if(data99.length > 50){
const err305 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err305];
}
else {
vErrors.push(err305);
}
errors++;
}
const len15 = data99.length;
for(let i25=0; i25<len15; i25++){
let data100 = data99[i25];
if(data100 && typeof data100 == "object" && !Array.isArray(data100)){
if(data100.type === undefined){
const err306 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err306];
}
else {
vErrors.push(err306);
}
errors++;
}
if(data100.value === undefined){
const err307 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err307];
}
else {
vErrors.push(err307);
}
errors++;
}
for(const key25 in data100){
if(!(((key25 === "type") || (key25 === "value")) || (key25 === "slice"))){
const err308 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err308];
}
else {
vErrors.push(err308);
}
errors++;
}
}
if(data100.type !== undefined){
let data101 = data100.type;
if(typeof data101 === "string"){
if(func2(data101) > 200){
const err309 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/type",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/type/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err309];
}
else {
vErrors.push(err309);
}
errors++;
}
if(func2(data101) < 1){
const err310 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/type",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err310];
}
else {
vErrors.push(err310);
}
errors++;
}
}
else {
const err311 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/type",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err311];
}
else {
vErrors.push(err311);
}
errors++;
}
}
if(data100.value !== undefined){
let data102 = data100.value;
if(typeof data102 === "string"){
if(func2(data102) > 200){
const err312 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/value",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/value/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err312];
}
else {
vErrors.push(err312);
}
errors++;
}
if(func2(data102) < 1){
const err313 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/value",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/value/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err313];
}
else {
vErrors.push(err313);
}
errors++;
}
}
else {
const err314 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/value",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err314];
}
else {
vErrors.push(err314);
}
errors++;
}
}
if(data100.slice !== undefined){
let data103 = data100.slice;
if(typeof data103 === "string"){
if(func2(data103) > 200){
const err315 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/slice",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/slice/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err315];
}
else {
vErrors.push(err315);
}
errors++;
}
if(func2(data103) < 1){
const err316 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/slice",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/slice/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err316];
}
else {
vErrors.push(err316);
}
errors++;
}
}
else {
const err317 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25+"/slice",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/slice/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err317];
}
else {
vErrors.push(err317);
}
errors++;
}
}
}
else {
const err318 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics/" + i25,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err318];
}
else {
vErrors.push(err318);
}
errors++;
}
}
}
else {
const err319 = {instancePath:instancePath+"/models/" + i17+"/card/performanceMetrics",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err319];
}
else {
vErrors.push(err319);
}
errors++;
}
}
if(data85.limitations !== undefined){
let data104 = data85.limitations;
if(Array.isArray(data104)){
if(data104.length > 50){
const err320 = {instancePath:instancePath+"/models/" + i17+"/card/limitations",schemaPath:"#/properties/models/items/properties/card/properties/limitations/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err320];
}
else {
vErrors.push(err320);
}
errors++;
}
const len16 = data104.length;
for(let i26=0; i26<len16; i26++){
let data105 = data104[i26];
if(typeof data105 === "string"){
if(func2(data105) > 500){
const err321 = {instancePath:instancePath+"/models/" + i17+"/card/limitations/" + i26,schemaPath:"#/properties/models/items/properties/card/properties/limitations/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err321];
}
else {
vErrors.push(err321);
}
errors++;
}
if(func2(data105) < 1){
const err322 = {instancePath:instancePath+"/models/" + i17+"/card/limitations/" + i26,schemaPath:"#/properties/models/items/properties/card/properties/limitations/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err322];
}
else {
vErrors.push(err322);
}
errors++;
}
}
else {
const err323 = {instancePath:instancePath+"/models/" + i17+"/card/limitations/" + i26,schemaPath:"#/properties/models/items/properties/card/properties/limitations/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err323];
}
else {
vErrors.push(err323);
}
errors++;
}
}
let i27 = data104.length;
let j10;
if(i27 > 1){
const indices10 = {};
for(;i27--;){
let item10 = data104[i27];
if(typeof item10 !== "string"){
continue;
}
if(typeof indices10[item10] == "number"){
j10 = indices10[item10];
const err324 = {instancePath:instancePath+"/models/" + i17+"/card/limitations",schemaPath:"#/properties/models/items/properties/card/properties/limitations/uniqueItems",keyword:"uniqueItems",params:{i: i27, j: j10},message:"must NOT have duplicate items (items ## "+j10+" and "+i27+" are identical)"};
if(vErrors === null){
vErrors = [err324];
}
else {
vErrors.push(err324);
}
errors++;
break;
}
indices10[item10] = i27;
}
}
}
else {
const err325 = {instancePath:instancePath+"/models/" + i17+"/card/limitations",schemaPath:"#/properties/models/items/properties/card/properties/limitations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err325];
}
else {
vErrors.push(err325);
}
errors++;
}
}
if(data85.ethicalConsiderations !== undefined){
let data106 = data85.ethicalConsiderations;
if(Array.isArray(data106)){
if(data106.length > 50){
const err326 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err326];
}
else {
vErrors.push(err326);
}
errors++;
}
const len17 = data106.length;
for(let i28=0; i28<len17; i28++){
let data107 = data106[i28];
if(data107 && typeof data107 == "object" && !Array.isArray(data107)){
if(data107.name === undefined){
const err327 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28,schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err327];
}
else {
vErrors.push(err327);
}
errors++;
}
for(const key26 in data107){
if(!((key26 === "name") || (key26 === "mitigationStrategy"))){
const err328 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28,schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err328];
}
else {
vErrors.push(err328);
}
errors++;
}
}
if(data107.name !== undefined){
let data108 = data107.name;
if(typeof data108 === "string"){
if(func2(data108) > 500){
const err329 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28+"/name",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err329];
}
else {
vErrors.push(err329);
}
errors++;
}
if(func2(data108) < 1){
const err330 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28+"/name",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err330];
}
else {
vErrors.push(err330);
}
errors++;
}
}
else {
const err331 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28+"/name",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err331];
}
else {
vErrors.push(err331);
}
errors++;
}
}
if(data107.mitigationStrategy !== undefined){
let data109 = data107.mitigationStrategy;
if(typeof data109 === "string"){
if(func2(data109) > 2000){
const err332 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28+"/mitigationStrategy",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/mitigationStrategy/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err332];
}
else {
vErrors.push(err332);
}
errors++;
}
if(func2(data109) < 1){
const err333 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28+"/mitigationStrategy",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/mitigationStrategy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err333];
}
else {
vErrors.push(err333);
}
errors++;
}
}
else {
const err334 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28+"/mitigationStrategy",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/mitigationStrategy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err334];
}
else {
vErrors.push(err334);
}
errors++;
}
}
}
else {
const err335 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations/" + i28,schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err335];
}
else {
vErrors.push(err335);
}
errors++;
}
}
}
else {
const err336 = {instancePath:instancePath+"/models/" + i17+"/card/ethicalConsiderations",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err336];
}
else {
vErrors.push(err336);
}
errors++;
}
}
if(data85.users !== undefined){
let data110 = data85.users;
if(Array.isArray(data110)){
if(data110.length > 50){
const err337 = {instancePath:instancePath+"/models/" + i17+"/card/users",schemaPath:"#/properties/models/items/properties/card/properties/users/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err337];
}
else {
vErrors.push(err337);
}
errors++;
}
const len18 = data110.length;
for(let i29=0; i29<len18; i29++){
let data111 = data110[i29];
if(typeof data111 === "string"){
if(func2(data111) > 500){
const err338 = {instancePath:instancePath+"/models/" + i17+"/card/users/" + i29,schemaPath:"#/properties/models/items/properties/card/properties/users/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err338];
}
else {
vErrors.push(err338);
}
errors++;
}
if(func2(data111) < 1){
const err339 = {instancePath:instancePath+"/models/" + i17+"/card/users/" + i29,schemaPath:"#/properties/models/items/properties/card/properties/users/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err339];
}
else {
vErrors.push(err339);
}
errors++;
}
}
else {
const err340 = {instancePath:instancePath+"/models/" + i17+"/card/users/" + i29,schemaPath:"#/properties/models/items/properties/card/properties/users/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err340];
}
else {
vErrors.push(err340);
}
errors++;
}
}
let i30 = data110.length;
let j11;
if(i30 > 1){
const indices11 = {};
for(;i30--;){
let item11 = data110[i30];
if(typeof item11 !== "string"){
continue;
}
if(typeof indices11[item11] == "number"){
j11 = indices11[item11];
const err341 = {instancePath:instancePath+"/models/" + i17+"/card/users",schemaPath:"#/properties/models/items/properties/card/properties/users/uniqueItems",keyword:"uniqueItems",params:{i: i30, j: j11},message:"must NOT have duplicate items (items ## "+j11+" and "+i30+" are identical)"};
if(vErrors === null){
vErrors = [err341];
}
else {
vErrors.push(err341);
}
errors++;
break;
}
indices11[item11] = i30;
}
}
}
else {
const err342 = {instancePath:instancePath+"/models/" + i17+"/card/users",schemaPath:"#/properties/models/items/properties/card/properties/users/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err342];
}
else {
vErrors.push(err342);
}
errors++;
}
}
if(data85.useCases !== undefined){
let data112 = data85.useCases;
if(Array.isArray(data112)){
if(data112.length > 50){
const err343 = {instancePath:instancePath+"/models/" + i17+"/card/useCases",schemaPath:"#/properties/models/items/properties/card/properties/useCases/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err343];
}
else {
vErrors.push(err343);
}
errors++;
}
const len19 = data112.length;
for(let i31=0; i31<len19; i31++){
let data113 = data112[i31];
if(typeof data113 === "string"){
if(func2(data113) > 500){
const err344 = {instancePath:instancePath+"/models/" + i17+"/card/useCases/" + i31,schemaPath:"#/properties/models/items/properties/card/properties/useCases/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err344];
}
else {
vErrors.push(err344);
}
errors++;
}
if(func2(data113) < 1){
const err345 = {instancePath:instancePath+"/models/" + i17+"/card/useCases/" + i31,schemaPath:"#/properties/models/items/properties/card/properties/useCases/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err345];
}
else {
vErrors.push(err345);
}
errors++;
}
}
else {
const err346 = {instancePath:instancePath+"/models/" + i17+"/card/useCases/" + i31,schemaPath:"#/properties/models/items/properties/card/properties/useCases/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err346];
}
else {
vErrors.push(err346);
}
errors++;
}
}
let i32 = data112.length;
let j12;
if(i32 > 1){
const indices12 = {};
for(;i32--;){
let item12 = data112[i32];
if(typeof item12 !== "string"){
continue;
}
if(typeof indices12[item12] == "number"){
j12 = indices12[item12];
const err347 = {instancePath:instancePath+"/models/" + i17+"/card/useCases",schemaPath:"#/properties/models/items/properties/card/properties/useCases/uniqueItems",keyword:"uniqueItems",params:{i: i32, j: j12},message:"must NOT have duplicate items (items ## "+j12+" and "+i32+" are identical)"};
if(vErrors === null){
vErrors = [err347];
}
else {
vErrors.push(err347);
}
errors++;
break;
}
indices12[item12] = i32;
}
}
}
else {
const err348 = {instancePath:instancePath+"/models/" + i17+"/card/useCases",schemaPath:"#/properties/models/items/properties/card/properties/useCases/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err348];
}
else {
vErrors.push(err348);
}
errors++;
}
}
}
else {
const err349 = {instancePath:instancePath+"/models/" + i17+"/card",schemaPath:"#/properties/models/items/properties/card/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err349];
}
else {
vErrors.push(err349);
}
errors++;
}
}
}
else {
const err350 = {instancePath:instancePath+"/models/" + i17,schemaPath:"#/properties/models/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err350];
}
else {
vErrors.push(err350);
}
errors++;
}
}
}
else {
const err351 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err351];
}
else {
vErrors.push(err351);
}
errors++;
}
}
if(data.plugins !== undefined){
let data114 = data.plugins;
if(Array.isArray(data114)){
if(data114.length > 200){
const err352 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items"};
if(vErrors === null){
vErrors = [err352];
}
else {
vErrors.push(err352);
}
errors++;
}
const len20 = data114.length;
for(let i33=0; i33<len20; i33++){
let data115 = data114[i33];
const _errs258 = errors;
let valid84 = false;
let passing2 = null;
const _errs259 = errors;
if(data115 && typeof data115 == "object" && !Array.isArray(data115)){
if(data115.name === undefined){
const err353 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/oneOf/0/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err353];
}
else {
vErrors.push(err353);
}
errors++;
}
if(data115.version === undefined){
const err354 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/oneOf/0/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err354];
}
else {
vErrors.push(err354);
}
errors++;
}
}
var _valid2 = _errs259 === errors;
if(_valid2){
valid84 = true;
passing2 = 0;
}
const _errs260 = errors;
if(data115 && typeof data115 == "object" && !Array.isArray(data115)){
if(data115.lockfile === undefined){
const err355 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/oneOf/1/required",keyword:"required",params:{missingProperty: "lockfile"},message:"must have required property '"+"lockfile"+"'"};
if(vErrors === null){
vErrors = [err355];
}
else {
vErrors.push(err355);
}
errors++;
}
}
var _valid2 = _errs260 === errors;
if(_valid2 && valid84){
valid84 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid84 = true;
passing2 = 1;
}
}
if(!valid84){
const err356 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err356];
}
else {
vErrors.push(err356);
}
errors++;
}
else {
errors = _errs258;
if(vErrors !== null){
if(_errs258){
vErrors.length = _errs258;
}
else {
vErrors = null;
}
}
}
if(data115 && typeof data115 == "object" && !Array.isArray(data115)){
for(const key27 in data115){
if(!((((((key27 === "name") || (key27 === "version")) || (key27 === "integrity")) || (key27 === "sourceRepository")) || (key27 === "lockfile")) || (key27 === "signedBy"))){
const err357 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key27},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err357];
}
else {
vErrors.push(err357);
}
errors++;
}
}
if(data115.name !== undefined){
let data116 = data115.name;
if(typeof data116 === "string"){
if(func2(data116) > 214){
const err358 = {instancePath:instancePath+"/plugins/" + i33+"/name",schemaPath:"#/properties/plugins/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 214},message:"must NOT have more than 214 characters"};
if(vErrors === null){
vErrors = [err358];
}
else {
vErrors.push(err358);
}
errors++;
}
if(!pattern32.test(data116)){
const err359 = {instancePath:instancePath+"/plugins/" + i33+"/name",schemaPath:"#/properties/plugins/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"},message:"must match pattern \""+"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"+"\""};
if(vErrors === null){
vErrors = [err359];
}
else {
vErrors.push(err359);
}
errors++;
}
}
else {
const err360 = {instancePath:instancePath+"/plugins/" + i33+"/name",schemaPath:"#/properties/plugins/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err360];
}
else {
vErrors.push(err360);
}
errors++;
}
}
if(data115.version !== undefined){
let data117 = data115.version;
if(typeof data117 === "string"){
if(func2(data117) > 256){
const err361 = {instancePath:instancePath+"/plugins/" + i33+"/version",schemaPath:"#/properties/plugins/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err361];
}
else {
vErrors.push(err361);
}
errors++;
}
if(func2(data117) < 1){
const err362 = {instancePath:instancePath+"/plugins/" + i33+"/version",schemaPath:"#/properties/plugins/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err362];
}
else {
vErrors.push(err362);
}
errors++;
}
}
else {
const err363 = {instancePath:instancePath+"/plugins/" + i33+"/version",schemaPath:"#/properties/plugins/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err363];
}
else {
vErrors.push(err363);
}
errors++;
}
}
if(data115.integrity !== undefined){
let data118 = data115.integrity;
if(typeof data118 === "string"){
if(!pattern33.test(data118)){
const err364 = {instancePath:instancePath+"/plugins/" + i33+"/integrity",schemaPath:"#/properties/plugins/items/properties/integrity/pattern",keyword:"pattern",params:{pattern: "^sha512-[A-Za-z0-9+/]{86}==$"},message:"must match pattern \""+"^sha512-[A-Za-z0-9+/]{86}==$"+"\""};
if(vErrors === null){
vErrors = [err364];
}
else {
vErrors.push(err364);
}
errors++;
}
}
else {
const err365 = {instancePath:instancePath+"/plugins/" + i33+"/integrity",schemaPath:"#/properties/plugins/items/properties/integrity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err365];
}
else {
vErrors.push(err365);
}
errors++;
}
}
if(data115.sourceRepository !== undefined){
let data119 = data115.sourceRepository;
const _errs270 = errors;
const _errs271 = errors;
if(typeof data119 === "string"){
if(!pattern34.test(data119)){
const err366 = {};
if(vErrors === null){
vErrors = [err366];
}
else {
vErrors.push(err366);
}
errors++;
}
}
var valid86 = _errs271 === errors;
if(valid86){
const err367 = {instancePath:instancePath+"/plugins/" + i33+"/sourceRepository",schemaPath:"#/properties/plugins/items/properties/sourceRepository/not",keyword:"not",params:{},message:"must NOT be valid"};
if(vErrors === null){
vErrors = [err367];
}
else {
vErrors.push(err367);
}
errors++;
}
else {
errors = _errs270;
if(vErrors !== null){
if(_errs270){
vErrors.length = _errs270;
}
else {
vErrors = null;
}
}
}
if(typeof data119 === "string"){
if(func2(data119) > 512){
const err368 = {instancePath:instancePath+"/plugins/" + i33+"/sourceRepository",schemaPath:"#/properties/plugins/items/properties/sourceRepository/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err368];
}
else {
vErrors.push(err368);
}
errors++;
}
if(!pattern35.test(data119)){
const err369 = {instancePath:instancePath+"/plugins/" + i33+"/sourceRepository",schemaPath:"#/properties/plugins/items/properties/sourceRepository/pattern",keyword:"pattern",params:{pattern: "^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$"},message:"must match pattern \""+"^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$"+"\""};
if(vErrors === null){
vErrors = [err369];
}
else {
vErrors.push(err369);
}
errors++;
}
}
else {
const err370 = {instancePath:instancePath+"/plugins/" + i33+"/sourceRepository",schemaPath:"#/properties/plugins/items/properties/sourceRepository/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err370];
}
else {
vErrors.push(err370);
}
errors++;
}
}
if(data115.lockfile !== undefined){
let data120 = data115.lockfile;
if(typeof data120 === "string"){
if(func2(data120) > 1024){
const err371 = {instancePath:instancePath+"/plugins/" + i33+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err371];
}
else {
vErrors.push(err371);
}
errors++;
}
if(func2(data120) < 1){
const err372 = {instancePath:instancePath+"/plugins/" + i33+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err372];
}
else {
vErrors.push(err372);
}
errors++;
}
if(!pattern25.test(data120)){
const err373 = {instancePath:instancePath+"/plugins/" + i33+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err373];
}
else {
vErrors.push(err373);
}
errors++;
}
}
else {
const err374 = {instancePath:instancePath+"/plugins/" + i33+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err374];
}
else {
vErrors.push(err374);
}
errors++;
}
}
if(data115.signedBy !== undefined){
let data121 = data115.signedBy;
if(typeof data121 === "string"){
if(func2(data121) > 63){
const err375 = {instancePath:instancePath+"/plugins/" + i33+"/signedBy",schemaPath:"#/properties/plugins/items/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err375];
}
else {
vErrors.push(err375);
}
errors++;
}
if(!pattern3.test(data121)){
const err376 = {instancePath:instancePath+"/plugins/" + i33+"/signedBy",schemaPath:"#/properties/plugins/items/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err376];
}
else {
vErrors.push(err376);
}
errors++;
}
}
else {
const err377 = {instancePath:instancePath+"/plugins/" + i33+"/signedBy",schemaPath:"#/properties/plugins/items/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err377];
}
else {
vErrors.push(err377);
}
errors++;
}
}
if(data115.name !== undefined){
if(data115.version === undefined){
const err378 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "name",
    missingProperty: "version",
    depsCount: 1,
    deps: "version"},message:"must have property version when property name is present"};
if(vErrors === null){
vErrors = [err378];
}
else {
vErrors.push(err378);
}
errors++;
}
}
if(data115.version !== undefined){
if(data115.name === undefined){
const err379 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "version",
    missingProperty: "name",
    depsCount: 1,
    deps: "name"},message:"must have property name when property version is present"};
if(vErrors === null){
vErrors = [err379];
}
else {
vErrors.push(err379);
}
errors++;
}
}
if(data115.integrity !== undefined){
if(data115.name === undefined){
const err380 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "integrity",
    missingProperty: "name",
    depsCount: 2,
    deps: "name, version"},message:"must have properties name, version when property integrity is present"};
if(vErrors === null){
vErrors = [err380];
}
else {
vErrors.push(err380);
}
errors++;
}
if(data115.version === undefined){
const err381 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "integrity",
    missingProperty: "version",
    depsCount: 2,
    deps: "name, version"},message:"must have properties name, version when property integrity is present"};
if(vErrors === null){
vErrors = [err381];
}
else {
vErrors.push(err381);
}
errors++;
}
}
if(data115.sourceRepository !== undefined){
if(data115.name === undefined){
const err382 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "sourceRepository",
    missingProperty: "name",
    depsCount: 2,
    deps: "name, version"},message:"must have properties name, version when property sourceRepository is present"};
if(vErrors === null){
vErrors = [err382];
}
else {
vErrors.push(err382);
}
errors++;
}
if(data115.version === undefined){
const err383 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "sourceRepository",
    missingProperty: "version",
    depsCount: 2,
    deps: "name, version"},message:"must have properties name, version when property sourceRepository is present"};
if(vErrors === null){
vErrors = [err383];
}
else {
vErrors.push(err383);
}
errors++;
}
}
}
else {
const err384 = {instancePath:instancePath+"/plugins/" + i33,schemaPath:"#/properties/plugins/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err384];
}
else {
vErrors.push(err384);
}
errors++;
}
}
}
else {
const err385 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err385];
}
else {
vErrors.push(err385);
}
errors++;
}
}
if(data.apis !== undefined){
let data122 = data.apis;
if(Array.isArray(data122)){
if(data122.length > 50){
const err386 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err386];
}
else {
vErrors.push(err386);
}
errors++;
}
const len21 = data122.length;
for(let i34=0; i34<len21; i34++){
let data123 = data122[i34];
if(data123 && typeof data123 == "object" && !Array.isArray(data123)){
if(data123.name === undefined){
const err387 = {instancePath:instancePath+"/apis/" + i34,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err387];
}
else {
vErrors.push(err387);
}
errors++;
}
if(data123.descriptor === undefined){
const err388 = {instancePath:instancePath+"/apis/" + i34,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "descriptor"},message:"must have required property '"+"descriptor"+"'"};
if(vErrors === null){
vErrors = [err388];
}
else {
vErrors.push(err388);
}
errors++;
}
if(data123.signature === undefined){
const err389 = {instancePath:instancePath+"/apis/" + i34,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "signature"},message:"must have required property '"+"signature"+"'"};
if(vErrors === null){
vErrors = [err389];
}
else {
vErrors.push(err389);
}
errors++;
}
if(data123.dataClassifications === undefined){
const err390 = {instancePath:instancePath+"/apis/" + i34,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "dataClassifications"},message:"must have required property '"+"dataClassifications"+"'"};
if(vErrors === null){
vErrors = [err390];
}
else {
vErrors.push(err390);
}
errors++;
}
for(const key28 in data123){
if(!(((((key28 === "name") || (key28 === "descriptor")) || (key28 === "signature")) || (key28 === "dataClassifications")) || (key28 === "signedBy"))){
const err391 = {instancePath:instancePath+"/apis/" + i34,schemaPath:"#/properties/apis/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key28},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err391];
}
else {
vErrors.push(err391);
}
errors++;
}
}
if(data123.name !== undefined){
let data124 = data123.name;
if(typeof data124 === "string"){
if(func2(data124) > 63){
const err392 = {instancePath:instancePath+"/apis/" + i34+"/name",schemaPath:"#/properties/apis/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err392];
}
else {
vErrors.push(err392);
}
errors++;
}
if(!pattern3.test(data124)){
const err393 = {instancePath:instancePath+"/apis/" + i34+"/name",schemaPath:"#/properties/apis/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err393];
}
else {
vErrors.push(err393);
}
errors++;
}
}
else {
const err394 = {instancePath:instancePath+"/apis/" + i34+"/name",schemaPath:"#/properties/apis/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err394];
}
else {
vErrors.push(err394);
}
errors++;
}
}
if(data123.descriptor !== undefined){
let data125 = data123.descriptor;
if(typeof data125 === "string"){
if(func2(data125) > 1024){
const err395 = {instancePath:instancePath+"/apis/" + i34+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err395];
}
else {
vErrors.push(err395);
}
errors++;
}
if(func2(data125) < 1){
const err396 = {instancePath:instancePath+"/apis/" + i34+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err396];
}
else {
vErrors.push(err396);
}
errors++;
}
if(!pattern25.test(data125)){
const err397 = {instancePath:instancePath+"/apis/" + i34+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err397];
}
else {
vErrors.push(err397);
}
errors++;
}
}
else {
const err398 = {instancePath:instancePath+"/apis/" + i34+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err398];
}
else {
vErrors.push(err398);
}
errors++;
}
}
if(data123.signature !== undefined){
let data126 = data123.signature;
if(typeof data126 === "string"){
if(func2(data126) > 1024){
const err399 = {instancePath:instancePath+"/apis/" + i34+"/signature",schemaPath:"#/properties/apis/items/properties/signature/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err399];
}
else {
vErrors.push(err399);
}
errors++;
}
if(func2(data126) < 1){
const err400 = {instancePath:instancePath+"/apis/" + i34+"/signature",schemaPath:"#/properties/apis/items/properties/signature/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err400];
}
else {
vErrors.push(err400);
}
errors++;
}
if(!pattern25.test(data126)){
const err401 = {instancePath:instancePath+"/apis/" + i34+"/signature",schemaPath:"#/properties/apis/items/properties/signature/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err401];
}
else {
vErrors.push(err401);
}
errors++;
}
}
else {
const err402 = {instancePath:instancePath+"/apis/" + i34+"/signature",schemaPath:"#/properties/apis/items/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err402];
}
else {
vErrors.push(err402);
}
errors++;
}
}
if(data123.dataClassifications !== undefined){
let data127 = data123.dataClassifications;
if(Array.isArray(data127)){
if(data127.length < 1){
const err403 = {instancePath:instancePath+"/apis/" + i34+"/dataClassifications",schemaPath:"#/properties/apis/items/properties/dataClassifications/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err403];
}
else {
vErrors.push(err403);
}
errors++;
}
const len22 = data127.length;
for(let i35=0; i35<len22; i35++){
let data128 = data127[i35];
if(!((((data128 === "public") || (data128 === "internal")) || (data128 === "confidential")) || (data128 === "restricted"))){
const err404 = {instancePath:instancePath+"/apis/" + i34+"/dataClassifications/" + i35,schemaPath:"#/properties/apis/items/properties/dataClassifications/items/enum",keyword:"enum",params:{allowedValues: schema19.properties.apis.items.properties.dataClassifications.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err404];
}
else {
vErrors.push(err404);
}
errors++;
}
}
let i36 = data127.length;
let j13;
if(i36 > 1){
outer0:
for(;i36--;){
for(j13 = i36; j13--;){
if(func0(data127[i36], data127[j13])){
const err405 = {instancePath:instancePath+"/apis/" + i34+"/dataClassifications",schemaPath:"#/properties/apis/items/properties/dataClassifications/uniqueItems",keyword:"uniqueItems",params:{i: i36, j: j13},message:"must NOT have duplicate items (items ## "+j13+" and "+i36+" are identical)"};
if(vErrors === null){
vErrors = [err405];
}
else {
vErrors.push(err405);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err406 = {instancePath:instancePath+"/apis/" + i34+"/dataClassifications",schemaPath:"#/properties/apis/items/properties/dataClassifications/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err406];
}
else {
vErrors.push(err406);
}
errors++;
}
}
if(data123.signedBy !== undefined){
let data129 = data123.signedBy;
if(typeof data129 === "string"){
if(func2(data129) > 63){
const err407 = {instancePath:instancePath+"/apis/" + i34+"/signedBy",schemaPath:"#/properties/apis/items/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err407];
}
else {
vErrors.push(err407);
}
errors++;
}
if(!pattern3.test(data129)){
const err408 = {instancePath:instancePath+"/apis/" + i34+"/signedBy",schemaPath:"#/properties/apis/items/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err408];
}
else {
vErrors.push(err408);
}
errors++;
}
}
else {
const err409 = {instancePath:instancePath+"/apis/" + i34+"/signedBy",schemaPath:"#/properties/apis/items/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err409];
}
else {
vErrors.push(err409);
}
errors++;
}
}
}
else {
const err410 = {instancePath:instancePath+"/apis/" + i34,schemaPath:"#/properties/apis/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err410];
}
else {
vErrors.push(err410);
}
errors++;
}
}
}
else {
const err411 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err411];
}
else {
vErrors.push(err411);
}
errors++;
}
}
if(data.network !== undefined){
let data130 = data.network;
if(data130 && typeof data130 == "object" && !Array.isArray(data130)){
if(data130.egress === undefined){
const err412 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/required",keyword:"required",params:{missingProperty: "egress"},message:"must have required property '"+"egress"+"'"};
if(vErrors === null){
vErrors = [err412];
}
else {
vErrors.push(err412);
}
errors++;
}
for(const key29 in data130){
if(!(key29 === "egress")){
const err413 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err413];
}
else {
vErrors.push(err413);
}
errors++;
}
}
if(data130.egress !== undefined){
let data131 = data130.egress;
if(!((data131 === "firewall") || (data131 === "none"))){
const err414 = {instancePath:instancePath+"/network/egress",schemaPath:"#/properties/network/properties/egress/enum",keyword:"enum",params:{allowedValues: schema19.properties.network.properties.egress.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err414];
}
else {
vErrors.push(err414);
}
errors++;
}
}
}
else {
const err415 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err415];
}
else {
vErrors.push(err415);
}
errors++;
}
}
if(data.monitoring !== undefined){
let data132 = data.monitoring;
if(data132 && typeof data132 == "object" && !Array.isArray(data132)){
if(data132.logRetentionDays === undefined){
const err416 = {instancePath:instancePath+"/monitoring",schemaPath:"#/properties/monitoring/required",keyword:"required",params:{missingProperty: "logRetentionDays"},message:"must have required property '"+"logRetentionDays"+"'"};
if(vErrors === null){
vErrors = [err416];
}
else {
vErrors.push(err416);
}
errors++;
}
for(const key30 in data132){
if(!(((key30 === "logRetentionDays") || (key30 === "alarmEmail")) || (key30 === "alarmTopicArn"))){
const err417 = {instancePath:instancePath+"/monitoring",schemaPath:"#/properties/monitoring/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key30},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err417];
}
else {
vErrors.push(err417);
}
errors++;
}
}
if(data132.logRetentionDays !== undefined){
let data133 = data132.logRetentionDays;
if(!((((((((((((((((((((((data133 === 1) || (data133 === 3)) || (data133 === 5)) || (data133 === 7)) || (data133 === 14)) || (data133 === 30)) || (data133 === 60)) || (data133 === 90)) || (data133 === 120)) || (data133 === 150)) || (data133 === 180)) || (data133 === 365)) || (data133 === 400)) || (data133 === 545)) || (data133 === 731)) || (data133 === 1096)) || (data133 === 1827)) || (data133 === 2192)) || (data133 === 2557)) || (data133 === 2922)) || (data133 === 3288)) || (data133 === 3653))){
const err418 = {instancePath:instancePath+"/monitoring/logRetentionDays",schemaPath:"#/properties/monitoring/properties/logRetentionDays/enum",keyword:"enum",params:{allowedValues: schema19.properties.monitoring.properties.logRetentionDays.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err418];
}
else {
vErrors.push(err418);
}
errors++;
}
}
if(data132.alarmEmail !== undefined){
let data134 = data132.alarmEmail;
if(typeof data134 === "string"){
if(func2(data134) > 254){
const err419 = {instancePath:instancePath+"/monitoring/alarmEmail",schemaPath:"#/properties/monitoring/properties/alarmEmail/maxLength",keyword:"maxLength",params:{limit: 254},message:"must NOT have more than 254 characters"};
if(vErrors === null){
vErrors = [err419];
}
else {
vErrors.push(err419);
}
errors++;
}
if(!(formats0.test(data134))){
const err420 = {instancePath:instancePath+"/monitoring/alarmEmail",schemaPath:"#/properties/monitoring/properties/alarmEmail/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\""};
if(vErrors === null){
vErrors = [err420];
}
else {
vErrors.push(err420);
}
errors++;
}
}
else {
const err421 = {instancePath:instancePath+"/monitoring/alarmEmail",schemaPath:"#/properties/monitoring/properties/alarmEmail/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err421];
}
else {
vErrors.push(err421);
}
errors++;
}
}
if(data132.alarmTopicArn !== undefined){
let data135 = data132.alarmTopicArn;
if(typeof data135 === "string"){
if(!pattern42.test(data135)){
const err422 = {instancePath:instancePath+"/monitoring/alarmTopicArn",schemaPath:"#/properties/monitoring/properties/alarmTopicArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$"+"\""};
if(vErrors === null){
vErrors = [err422];
}
else {
vErrors.push(err422);
}
errors++;
}
}
else {
const err423 = {instancePath:instancePath+"/monitoring/alarmTopicArn",schemaPath:"#/properties/monitoring/properties/alarmTopicArn/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err423];
}
else {
vErrors.push(err423);
}
errors++;
}
}
}
else {
const err424 = {instancePath:instancePath+"/monitoring",schemaPath:"#/properties/monitoring/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err424];
}
else {
vErrors.push(err424);
}
errors++;
}
}
if(data.attestations !== undefined){
let data136 = data.attestations;
if(typeof data136 === "string"){
if(func2(data136) > 1024){
const err425 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err425];
}
else {
vErrors.push(err425);
}
errors++;
}
if(func2(data136) < 1){
const err426 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err426];
}
else {
vErrors.push(err426);
}
errors++;
}
if(!pattern25.test(data136)){
const err427 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err427];
}
else {
vErrors.push(err427);
}
errors++;
}
}
else {
const err428 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err428];
}
else {
vErrors.push(err428);
}
errors++;
}
}
if(data.paused !== undefined){
if(typeof data.paused !== "boolean"){
const err429 = {instancePath:instancePath+"/paused",schemaPath:"#/properties/paused/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err429];
}
else {
vErrors.push(err429);
}
errors++;
}
}
if(data.externalBuckets !== undefined){
let data138 = data.externalBuckets;
if(Array.isArray(data138)){
if(data138.length > 50){
const err430 = {instancePath:instancePath+"/externalBuckets",schemaPath:"#/properties/externalBuckets/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err430];
}
else {
vErrors.push(err430);
}
errors++;
}
const len23 = data138.length;
for(let i37=0; i37<len23; i37++){
let data139 = data138[i37];
if(data139 && typeof data139 == "object" && !Array.isArray(data139)){
if(data139.bucket === undefined){
const err431 = {instancePath:instancePath+"/externalBuckets/" + i37,schemaPath:"#/properties/externalBuckets/items/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'"};
if(vErrors === null){
vErrors = [err431];
}
else {
vErrors.push(err431);
}
errors++;
}
if(data139.account === undefined){
const err432 = {instancePath:instancePath+"/externalBuckets/" + i37,schemaPath:"#/properties/externalBuckets/items/required",keyword:"required",params:{missingProperty: "account"},message:"must have required property '"+"account"+"'"};
if(vErrors === null){
vErrors = [err432];
}
else {
vErrors.push(err432);
}
errors++;
}
for(const key31 in data139){
if(!(((key31 === "bucket") || (key31 === "account")) || (key31 === "description"))){
const err433 = {instancePath:instancePath+"/externalBuckets/" + i37,schemaPath:"#/properties/externalBuckets/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key31},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err433];
}
else {
vErrors.push(err433);
}
errors++;
}
}
if(data139.bucket !== undefined){
let data140 = data139.bucket;
if(typeof data140 === "string"){
if(!pattern44.test(data140)){
const err434 = {instancePath:instancePath+"/externalBuckets/" + i37+"/bucket",schemaPath:"#/properties/externalBuckets/items/properties/bucket/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"+"\""};
if(vErrors === null){
vErrors = [err434];
}
else {
vErrors.push(err434);
}
errors++;
}
}
else {
const err435 = {instancePath:instancePath+"/externalBuckets/" + i37+"/bucket",schemaPath:"#/properties/externalBuckets/items/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err435];
}
else {
vErrors.push(err435);
}
errors++;
}
}
if(data139.account !== undefined){
let data141 = data139.account;
if(typeof data141 === "string"){
if(!pattern5.test(data141)){
const err436 = {instancePath:instancePath+"/externalBuckets/" + i37+"/account",schemaPath:"#/properties/externalBuckets/items/properties/account/pattern",keyword:"pattern",params:{pattern: "^\\d{12}$"},message:"must match pattern \""+"^\\d{12}$"+"\""};
if(vErrors === null){
vErrors = [err436];
}
else {
vErrors.push(err436);
}
errors++;
}
}
else {
const err437 = {instancePath:instancePath+"/externalBuckets/" + i37+"/account",schemaPath:"#/properties/externalBuckets/items/properties/account/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err437];
}
else {
vErrors.push(err437);
}
errors++;
}
}
if(data139.description !== undefined){
let data142 = data139.description;
if(typeof data142 === "string"){
if(func2(data142) > 2000){
const err438 = {instancePath:instancePath+"/externalBuckets/" + i37+"/description",schemaPath:"#/properties/externalBuckets/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err438];
}
else {
vErrors.push(err438);
}
errors++;
}
if(func2(data142) < 1){
const err439 = {instancePath:instancePath+"/externalBuckets/" + i37+"/description",schemaPath:"#/properties/externalBuckets/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err439];
}
else {
vErrors.push(err439);
}
errors++;
}
}
else {
const err440 = {instancePath:instancePath+"/externalBuckets/" + i37+"/description",schemaPath:"#/properties/externalBuckets/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err440];
}
else {
vErrors.push(err440);
}
errors++;
}
}
}
else {
const err441 = {instancePath:instancePath+"/externalBuckets/" + i37,schemaPath:"#/properties/externalBuckets/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err441];
}
else {
vErrors.push(err441);
}
errors++;
}
}
}
else {
const err442 = {instancePath:instancePath+"/externalBuckets",schemaPath:"#/properties/externalBuckets/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err442];
}
else {
vErrors.push(err442);
}
errors++;
}
}
if(data.runtimeImage !== undefined){
let data143 = data.runtimeImage;
if(data143 && typeof data143 == "object" && !Array.isArray(data143)){
if(data143.ref === undefined){
const err443 = {instancePath:instancePath+"/runtimeImage",schemaPath:"#/properties/runtimeImage/required",keyword:"required",params:{missingProperty: "ref"},message:"must have required property '"+"ref"+"'"};
if(vErrors === null){
vErrors = [err443];
}
else {
vErrors.push(err443);
}
errors++;
}
for(const key32 in data143){
if(!(((((key32 === "ref") || (key32 === "attestation")) || (key32 === "signedBy")) || (key32 === "tag")) || (key32 === "license"))){
const err444 = {instancePath:instancePath+"/runtimeImage",schemaPath:"#/properties/runtimeImage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key32},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err444];
}
else {
vErrors.push(err444);
}
errors++;
}
}
if(data143.ref !== undefined){
let data144 = data143.ref;
if(typeof data144 === "string"){
if(func2(data144) > 512){
const err445 = {instancePath:instancePath+"/runtimeImage/ref",schemaPath:"#/properties/runtimeImage/properties/ref/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err445];
}
else {
vErrors.push(err445);
}
errors++;
}
if(!pattern46.test(data144)){
const err446 = {instancePath:instancePath+"/runtimeImage/ref",schemaPath:"#/properties/runtimeImage/properties/ref/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+@sha256:[a-f0-9]{64}$"},message:"must match pattern \""+"^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+@sha256:[a-f0-9]{64}$"+"\""};
if(vErrors === null){
vErrors = [err446];
}
else {
vErrors.push(err446);
}
errors++;
}
}
else {
const err447 = {instancePath:instancePath+"/runtimeImage/ref",schemaPath:"#/properties/runtimeImage/properties/ref/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err447];
}
else {
vErrors.push(err447);
}
errors++;
}
}
if(data143.attestation !== undefined){
let data145 = data143.attestation;
if(typeof data145 === "string"){
if(func2(data145) > 1024){
const err448 = {instancePath:instancePath+"/runtimeImage/attestation",schemaPath:"#/properties/runtimeImage/properties/attestation/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err448];
}
else {
vErrors.push(err448);
}
errors++;
}
if(func2(data145) < 1){
const err449 = {instancePath:instancePath+"/runtimeImage/attestation",schemaPath:"#/properties/runtimeImage/properties/attestation/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err449];
}
else {
vErrors.push(err449);
}
errors++;
}
if(!pattern25.test(data145)){
const err450 = {instancePath:instancePath+"/runtimeImage/attestation",schemaPath:"#/properties/runtimeImage/properties/attestation/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err450];
}
else {
vErrors.push(err450);
}
errors++;
}
}
else {
const err451 = {instancePath:instancePath+"/runtimeImage/attestation",schemaPath:"#/properties/runtimeImage/properties/attestation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err451];
}
else {
vErrors.push(err451);
}
errors++;
}
}
if(data143.signedBy !== undefined){
let data146 = data143.signedBy;
if(typeof data146 === "string"){
if(func2(data146) > 63){
const err452 = {instancePath:instancePath+"/runtimeImage/signedBy",schemaPath:"#/properties/runtimeImage/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err452];
}
else {
vErrors.push(err452);
}
errors++;
}
if(!pattern3.test(data146)){
const err453 = {instancePath:instancePath+"/runtimeImage/signedBy",schemaPath:"#/properties/runtimeImage/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err453];
}
else {
vErrors.push(err453);
}
errors++;
}
}
else {
const err454 = {instancePath:instancePath+"/runtimeImage/signedBy",schemaPath:"#/properties/runtimeImage/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err454];
}
else {
vErrors.push(err454);
}
errors++;
}
}
if(data143.tag !== undefined){
let data147 = data143.tag;
if(typeof data147 === "string"){
if(!pattern49.test(data147)){
const err455 = {instancePath:instancePath+"/runtimeImage/tag",schemaPath:"#/properties/runtimeImage/properties/tag/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"+"\""};
if(vErrors === null){
vErrors = [err455];
}
else {
vErrors.push(err455);
}
errors++;
}
}
else {
const err456 = {instancePath:instancePath+"/runtimeImage/tag",schemaPath:"#/properties/runtimeImage/properties/tag/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err456];
}
else {
vErrors.push(err456);
}
errors++;
}
}
if(data143.license !== undefined){
let data148 = data143.license;
if(typeof data148 === "string"){
if(func2(data148) > 200){
const err457 = {instancePath:instancePath+"/runtimeImage/license",schemaPath:"#/properties/runtimeImage/properties/license/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err457];
}
else {
vErrors.push(err457);
}
errors++;
}
if(func2(data148) < 1){
const err458 = {instancePath:instancePath+"/runtimeImage/license",schemaPath:"#/properties/runtimeImage/properties/license/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err458];
}
else {
vErrors.push(err458);
}
errors++;
}
}
else {
const err459 = {instancePath:instancePath+"/runtimeImage/license",schemaPath:"#/properties/runtimeImage/properties/license/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err459];
}
else {
vErrors.push(err459);
}
errors++;
}
}
}
else {
const err460 = {instancePath:instancePath+"/runtimeImage",schemaPath:"#/properties/runtimeImage/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err460];
}
else {
vErrors.push(err460);
}
errors++;
}
}
if(data.authorizationTests !== undefined){
let data149 = data.authorizationTests;
if(Array.isArray(data149)){
if(data149.length > 500){
const err461 = {instancePath:instancePath+"/authorizationTests",schemaPath:"#/properties/authorizationTests/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items"};
if(vErrors === null){
vErrors = [err461];
}
else {
vErrors.push(err461);
}
errors++;
}
const len24 = data149.length;
for(let i38=0; i38<len24; i38++){
let data150 = data149[i38];
if(data150 && typeof data150 == "object" && !Array.isArray(data150)){
if(data150.name === undefined){
const err462 = {instancePath:instancePath+"/authorizationTests/" + i38,schemaPath:"#/properties/authorizationTests/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err462];
}
else {
vErrors.push(err462);
}
errors++;
}
if(data150.tool === undefined){
const err463 = {instancePath:instancePath+"/authorizationTests/" + i38,schemaPath:"#/properties/authorizationTests/items/required",keyword:"required",params:{missingProperty: "tool"},message:"must have required property '"+"tool"+"'"};
if(vErrors === null){
vErrors = [err463];
}
else {
vErrors.push(err463);
}
errors++;
}
if(data150.input === undefined){
const err464 = {instancePath:instancePath+"/authorizationTests/" + i38,schemaPath:"#/properties/authorizationTests/items/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'"};
if(vErrors === null){
vErrors = [err464];
}
else {
vErrors.push(err464);
}
errors++;
}
if(data150.expect === undefined){
const err465 = {instancePath:instancePath+"/authorizationTests/" + i38,schemaPath:"#/properties/authorizationTests/items/required",keyword:"required",params:{missingProperty: "expect"},message:"must have required property '"+"expect"+"'"};
if(vErrors === null){
vErrors = [err465];
}
else {
vErrors.push(err465);
}
errors++;
}
for(const key33 in data150){
if(!((((((key33 === "name") || (key33 === "tool")) || (key33 === "input")) || (key33 === "claims")) || (key33 === "paused")) || (key33 === "expect"))){
const err466 = {instancePath:instancePath+"/authorizationTests/" + i38,schemaPath:"#/properties/authorizationTests/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err466];
}
else {
vErrors.push(err466);
}
errors++;
}
}
if(data150.name !== undefined){
let data151 = data150.name;
if(typeof data151 === "string"){
if(func2(data151) > 200){
const err467 = {instancePath:instancePath+"/authorizationTests/" + i38+"/name",schemaPath:"#/properties/authorizationTests/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err467];
}
else {
vErrors.push(err467);
}
errors++;
}
if(func2(data151) < 1){
const err468 = {instancePath:instancePath+"/authorizationTests/" + i38+"/name",schemaPath:"#/properties/authorizationTests/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err468];
}
else {
vErrors.push(err468);
}
errors++;
}
}
else {
const err469 = {instancePath:instancePath+"/authorizationTests/" + i38+"/name",schemaPath:"#/properties/authorizationTests/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err469];
}
else {
vErrors.push(err469);
}
errors++;
}
}
if(data150.tool !== undefined){
let data152 = data150.tool;
if(typeof data152 === "string"){
if(func2(data152) > 63){
const err470 = {instancePath:instancePath+"/authorizationTests/" + i38+"/tool",schemaPath:"#/properties/authorizationTests/items/properties/tool/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err470];
}
else {
vErrors.push(err470);
}
errors++;
}
if(!pattern3.test(data152)){
const err471 = {instancePath:instancePath+"/authorizationTests/" + i38+"/tool",schemaPath:"#/properties/authorizationTests/items/properties/tool/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err471];
}
else {
vErrors.push(err471);
}
errors++;
}
}
else {
const err472 = {instancePath:instancePath+"/authorizationTests/" + i38+"/tool",schemaPath:"#/properties/authorizationTests/items/properties/tool/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err472];
}
else {
vErrors.push(err472);
}
errors++;
}
}
if(data150.input !== undefined){
let data153 = data150.input;
if(!(data153 && typeof data153 == "object" && !Array.isArray(data153))){
const err473 = {instancePath:instancePath+"/authorizationTests/" + i38+"/input",schemaPath:"#/properties/authorizationTests/items/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err473];
}
else {
vErrors.push(err473);
}
errors++;
}
}
if(data150.claims !== undefined){
let data154 = data150.claims;
if(data154 && typeof data154 == "object" && !Array.isArray(data154)){
for(const key34 in data154){
let data155 = data154[key34];
if(typeof data155 === "string"){
if(func2(data155) > 2048){
const err474 = {instancePath:instancePath+"/authorizationTests/" + i38+"/claims/" + key34.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/authorizationTests/items/properties/claims/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err474];
}
else {
vErrors.push(err474);
}
errors++;
}
}
else {
const err475 = {instancePath:instancePath+"/authorizationTests/" + i38+"/claims/" + key34.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/authorizationTests/items/properties/claims/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err475];
}
else {
vErrors.push(err475);
}
errors++;
}
}
}
else {
const err476 = {instancePath:instancePath+"/authorizationTests/" + i38+"/claims",schemaPath:"#/properties/authorizationTests/items/properties/claims/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err476];
}
else {
vErrors.push(err476);
}
errors++;
}
}
if(data150.paused !== undefined){
if(typeof data150.paused !== "boolean"){
const err477 = {instancePath:instancePath+"/authorizationTests/" + i38+"/paused",schemaPath:"#/properties/authorizationTests/items/properties/paused/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err477];
}
else {
vErrors.push(err477);
}
errors++;
}
}
if(data150.expect !== undefined){
let data157 = data150.expect;
if(!((data157 === "allow") || (data157 === "deny"))){
const err478 = {instancePath:instancePath+"/authorizationTests/" + i38+"/expect",schemaPath:"#/properties/authorizationTests/items/properties/expect/enum",keyword:"enum",params:{allowedValues: schema19.properties.authorizationTests.items.properties.expect.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err478];
}
else {
vErrors.push(err478);
}
errors++;
}
}
}
else {
const err479 = {instancePath:instancePath+"/authorizationTests/" + i38,schemaPath:"#/properties/authorizationTests/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err479];
}
else {
vErrors.push(err479);
}
errors++;
}
}
}
else {
const err480 = {instancePath:instancePath+"/authorizationTests",schemaPath:"#/properties/authorizationTests/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err480];
}
else {
vErrors.push(err480);
}
errors++;
}
}
}
else {
const err481 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err481];
}
else {
vErrors.push(err481);
}
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}
validate52.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const trustPolicy = validate53;
const schema20 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://agentfence.dev/schemas/trust-policy/v1.json","title":"agentfence trust policy","type":"object","additionalProperties":false,"required":["version","mode","trustedRoots","models","plugins","apis"],"$defs":{"authority":{"type":"object","additionalProperties":false,"required":["name"],"oneOf":[{"required":["keyless"]},{"required":["key"]},{"required":["certificate"]}],"dependentRequired":{"trustedRoot":["keyless"]},"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"keyless":{"type":"object","additionalProperties":false,"required":["issuer"],"oneOf":[{"required":["subject"]},{"required":["subjectRegExp"]}],"properties":{"issuer":{"type":"string","format":"uri","maxLength":1024},"subject":{"type":"string","minLength":1,"maxLength":1024},"subjectRegExp":{"type":"string","minLength":1,"maxLength":1024},"extensions":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"issuer":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryURI":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryRef":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryDigest":{"type":"string","minLength":1,"maxLength":1024},"buildSignerURI":{"type":"string","minLength":1,"maxLength":1024},"buildConfigURI":{"type":"string","minLength":1,"maxLength":1024},"runnerEnvironment":{"type":"string","minLength":1,"maxLength":1024},"githubWorkflowRepository":{"type":"string","minLength":1,"maxLength":1024},"githubWorkflowRef":{"type":"string","minLength":1,"maxLength":1024}}}}},"key":{"type":"object","additionalProperties":false,"required":["publicKey"],"properties":{"publicKey":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}},"certificate":{"type":"object","additionalProperties":false,"required":["chain"],"properties":{"chain":{"type":"array","minItems":1,"maxItems":10,"items":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}}},"trustedRoot":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"properties":{"version":{"const":1},"mode":{"enum":["enforce","warn"]},"trustedRoots":{"type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["name","source"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"source":{"oneOf":[{"const":"public-good"},{"type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}}]}}}},"models":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}},"hosted":{"type":"array","uniqueItems":true,"maxItems":200,"items":{"type":"string","minLength":1,"maxLength":256}},"allowIgnorePaths":{"description":"Authorities whose models may leave out paths (agent.yaml ignorePaths) beyond those their signature records. Defaults to none.","type":"array","uniqueItems":true,"maxItems":100,"items":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"plugins":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}},"requireProvenance":{"type":"boolean"},"repositories":{"type":"object","description":"npm package name -> the repository its provenance must be built from","maxProperties":500,"propertyNames":{"type":"string","description":"an npm package name","pattern":"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$","maxLength":214},"additionalProperties":{"type":"string","description":"a repository URL https://host/owner/repo (no trailing slash, no .git)","pattern":"^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$","not":{"pattern":"(\\.git|/)$"},"maxLength":512}},"registryKeys":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["keyid","key"],"properties":{"keyid":{"type":"string","minLength":1,"maxLength":256},"key":{"type":"string","description":"base64 SPKI DER","pattern":"^[A-Za-z0-9+/]+={0,2}$","maxLength":8192},"keytype":{"type":"string","minLength":1,"maxLength":64},"scheme":{"type":"string","minLength":1,"maxLength":64},"expires":{"oneOf":[{"type":"null"},{"type":"string","format":"date-time"}]}}}}}},"apis":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}}}},"images":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}}}}}};
const pattern61 = new RegExp("^[A-Za-z0-9+/]+={0,2}$", "u");
const schema21 = {"type":"object","additionalProperties":false,"required":["name"],"oneOf":[{"required":["keyless"]},{"required":["key"]},{"required":["certificate"]}],"dependentRequired":{"trustedRoot":["keyless"]},"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"keyless":{"type":"object","additionalProperties":false,"required":["issuer"],"oneOf":[{"required":["subject"]},{"required":["subjectRegExp"]}],"properties":{"issuer":{"type":"string","format":"uri","maxLength":1024},"subject":{"type":"string","minLength":1,"maxLength":1024},"subjectRegExp":{"type":"string","minLength":1,"maxLength":1024},"extensions":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"issuer":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryURI":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryRef":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryDigest":{"type":"string","minLength":1,"maxLength":1024},"buildSignerURI":{"type":"string","minLength":1,"maxLength":1024},"buildConfigURI":{"type":"string","minLength":1,"maxLength":1024},"runnerEnvironment":{"type":"string","minLength":1,"maxLength":1024},"githubWorkflowRepository":{"type":"string","minLength":1,"maxLength":1024},"githubWorkflowRef":{"type":"string","minLength":1,"maxLength":1024}}}}},"key":{"type":"object","additionalProperties":false,"required":["publicKey"],"properties":{"publicKey":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}},"certificate":{"type":"object","additionalProperties":false,"required":["chain"],"properties":{"chain":{"type":"array","minItems":1,"maxItems":10,"items":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}}},"trustedRoot":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}};
const formats4 = require("ajv-formats/dist/formats").fullFormats.uri;

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.keyless === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "keyless"},message:"must have required property '"+"keyless"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.certificate === undefined){
const err2 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "certificate"},message:"must have required property '"+"certificate"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
}
}
if(!valid0){
const err3 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "keyless")) || (key0 === "key")) || (key0 === "certificate")) || (key0 === "trustedRoot"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func2(data0) > 63){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!pattern3.test(data0)){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.keyless !== undefined){
let data1 = data.keyless;
const _errs10 = errors;
let valid2 = false;
let passing1 = null;
const _errs11 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.subject === undefined){
const err9 = {instancePath:instancePath+"/keyless",schemaPath:"#/properties/keyless/oneOf/0/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid1 = _errs11 === errors;
if(_valid1){
valid2 = true;
passing1 = 0;
}
const _errs12 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.subjectRegExp === undefined){
const err10 = {instancePath:instancePath+"/keyless",schemaPath:"#/properties/keyless/oneOf/1/required",keyword:"required",params:{missingProperty: "subjectRegExp"},message:"must have required property '"+"subjectRegExp"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid1 = _errs12 === errors;
if(_valid1 && valid2){
valid2 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid2 = true;
passing1 = 1;
}
}
if(!valid2){
const err11 = {instancePath:instancePath+"/keyless",schemaPath:"#/properties/keyless/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.issuer === undefined){
const err12 = {instancePath:instancePath+"/keyless",schemaPath:"#/properties/keyless/required",keyword:"required",params:{missingProperty: "issuer"},message:"must have required property '"+"issuer"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data1){
if(!((((key1 === "issuer") || (key1 === "subject")) || (key1 === "subjectRegExp")) || (key1 === "extensions"))){
const err13 = {instancePath:instancePath+"/keyless",schemaPath:"#/properties/keyless/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.issuer !== undefined){
let data2 = data1.issuer;
if(typeof data2 === "string"){
if(func2(data2) > 1024){
const err14 = {instancePath:instancePath+"/keyless/issuer",schemaPath:"#/properties/keyless/properties/issuer/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!(formats4(data2))){
const err15 = {instancePath:instancePath+"/keyless/issuer",schemaPath:"#/properties/keyless/properties/issuer/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/keyless/issuer",schemaPath:"#/properties/keyless/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data1.subject !== undefined){
let data3 = data1.subject;
if(typeof data3 === "string"){
if(func2(data3) > 1024){
const err17 = {instancePath:instancePath+"/keyless/subject",schemaPath:"#/properties/keyless/properties/subject/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(func2(data3) < 1){
const err18 = {instancePath:instancePath+"/keyless/subject",schemaPath:"#/properties/keyless/properties/subject/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/keyless/subject",schemaPath:"#/properties/keyless/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data1.subjectRegExp !== undefined){
let data4 = data1.subjectRegExp;
if(typeof data4 === "string"){
if(func2(data4) > 1024){
const err20 = {instancePath:instancePath+"/keyless/subjectRegExp",schemaPath:"#/properties/keyless/properties/subjectRegExp/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(func2(data4) < 1){
const err21 = {instancePath:instancePath+"/keyless/subjectRegExp",schemaPath:"#/properties/keyless/properties/subjectRegExp/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/keyless/subjectRegExp",schemaPath:"#/properties/keyless/properties/subjectRegExp/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data1.extensions !== undefined){
let data5 = data1.extensions;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(Object.keys(data5).length < 1){
const err23 = {instancePath:instancePath+"/keyless/extensions",schemaPath:"#/properties/keyless/properties/extensions/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key2 in data5){
if(!(func1.call(schema21.properties.keyless.properties.extensions.properties, key2))){
const err24 = {instancePath:instancePath+"/keyless/extensions",schemaPath:"#/properties/keyless/properties/extensions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data5.issuer !== undefined){
let data6 = data5.issuer;
if(typeof data6 === "string"){
if(func2(data6) > 1024){
const err25 = {instancePath:instancePath+"/keyless/extensions/issuer",schemaPath:"#/properties/keyless/properties/extensions/properties/issuer/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(func2(data6) < 1){
const err26 = {instancePath:instancePath+"/keyless/extensions/issuer",schemaPath:"#/properties/keyless/properties/extensions/properties/issuer/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/keyless/extensions/issuer",schemaPath:"#/properties/keyless/properties/extensions/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data5.sourceRepositoryURI !== undefined){
let data7 = data5.sourceRepositoryURI;
if(typeof data7 === "string"){
if(func2(data7) > 1024){
const err28 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryURI",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryURI/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(func2(data7) < 1){
const err29 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryURI",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryURI/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryURI",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryURI/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data5.sourceRepositoryRef !== undefined){
let data8 = data5.sourceRepositoryRef;
if(typeof data8 === "string"){
if(func2(data8) > 1024){
const err31 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryRef",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryRef/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(func2(data8) < 1){
const err32 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryRef",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryRef/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryRef",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryRef/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data5.sourceRepositoryDigest !== undefined){
let data9 = data5.sourceRepositoryDigest;
if(typeof data9 === "string"){
if(func2(data9) > 1024){
const err34 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryDigest",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryDigest/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(func2(data9) < 1){
const err35 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryDigest",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryDigest/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/keyless/extensions/sourceRepositoryDigest",schemaPath:"#/properties/keyless/properties/extensions/properties/sourceRepositoryDigest/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data5.buildSignerURI !== undefined){
let data10 = data5.buildSignerURI;
if(typeof data10 === "string"){
if(func2(data10) > 1024){
const err37 = {instancePath:instancePath+"/keyless/extensions/buildSignerURI",schemaPath:"#/properties/keyless/properties/extensions/properties/buildSignerURI/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(func2(data10) < 1){
const err38 = {instancePath:instancePath+"/keyless/extensions/buildSignerURI",schemaPath:"#/properties/keyless/properties/extensions/properties/buildSignerURI/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/keyless/extensions/buildSignerURI",schemaPath:"#/properties/keyless/properties/extensions/properties/buildSignerURI/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data5.buildConfigURI !== undefined){
let data11 = data5.buildConfigURI;
if(typeof data11 === "string"){
if(func2(data11) > 1024){
const err40 = {instancePath:instancePath+"/keyless/extensions/buildConfigURI",schemaPath:"#/properties/keyless/properties/extensions/properties/buildConfigURI/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(func2(data11) < 1){
const err41 = {instancePath:instancePath+"/keyless/extensions/buildConfigURI",schemaPath:"#/properties/keyless/properties/extensions/properties/buildConfigURI/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/keyless/extensions/buildConfigURI",schemaPath:"#/properties/keyless/properties/extensions/properties/buildConfigURI/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data5.runnerEnvironment !== undefined){
let data12 = data5.runnerEnvironment;
if(typeof data12 === "string"){
if(func2(data12) > 1024){
const err43 = {instancePath:instancePath+"/keyless/extensions/runnerEnvironment",schemaPath:"#/properties/keyless/properties/extensions/properties/runnerEnvironment/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(func2(data12) < 1){
const err44 = {instancePath:instancePath+"/keyless/extensions/runnerEnvironment",schemaPath:"#/properties/keyless/properties/extensions/properties/runnerEnvironment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/keyless/extensions/runnerEnvironment",schemaPath:"#/properties/keyless/properties/extensions/properties/runnerEnvironment/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data5.githubWorkflowRepository !== undefined){
let data13 = data5.githubWorkflowRepository;
if(typeof data13 === "string"){
if(func2(data13) > 1024){
const err46 = {instancePath:instancePath+"/keyless/extensions/githubWorkflowRepository",schemaPath:"#/properties/keyless/properties/extensions/properties/githubWorkflowRepository/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(func2(data13) < 1){
const err47 = {instancePath:instancePath+"/keyless/extensions/githubWorkflowRepository",schemaPath:"#/properties/keyless/properties/extensions/properties/githubWorkflowRepository/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/keyless/extensions/githubWorkflowRepository",schemaPath:"#/properties/keyless/properties/extensions/properties/githubWorkflowRepository/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data5.githubWorkflowRef !== undefined){
let data14 = data5.githubWorkflowRef;
if(typeof data14 === "string"){
if(func2(data14) > 1024){
const err49 = {instancePath:instancePath+"/keyless/extensions/githubWorkflowRef",schemaPath:"#/properties/keyless/properties/extensions/properties/githubWorkflowRef/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(func2(data14) < 1){
const err50 = {instancePath:instancePath+"/keyless/extensions/githubWorkflowRef",schemaPath:"#/properties/keyless/properties/extensions/properties/githubWorkflowRef/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/keyless/extensions/githubWorkflowRef",schemaPath:"#/properties/keyless/properties/extensions/properties/githubWorkflowRef/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/keyless/extensions",schemaPath:"#/properties/keyless/properties/extensions/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/keyless",schemaPath:"#/properties/keyless/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.key !== undefined){
let data15 = data.key;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.publicKey === undefined){
const err54 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/required",keyword:"required",params:{missingProperty: "publicKey"},message:"must have required property '"+"publicKey"+"'"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
for(const key3 in data15){
if(!(key3 === "publicKey")){
const err55 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data15.publicKey !== undefined){
let data16 = data15.publicKey;
if(typeof data16 === "string"){
if(func2(data16) > 1024){
const err56 = {instancePath:instancePath+"/key/publicKey",schemaPath:"#/properties/key/properties/publicKey/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(func2(data16) < 1){
const err57 = {instancePath:instancePath+"/key/publicKey",schemaPath:"#/properties/key/properties/publicKey/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(!pattern25.test(data16)){
const err58 = {instancePath:instancePath+"/key/publicKey",schemaPath:"#/properties/key/properties/publicKey/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/key/publicKey",schemaPath:"#/properties/key/properties/publicKey/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data.certificate !== undefined){
let data17 = data.certificate;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.chain === undefined){
const err61 = {instancePath:instancePath+"/certificate",schemaPath:"#/properties/certificate/required",keyword:"required",params:{missingProperty: "chain"},message:"must have required property '"+"chain"+"'"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
for(const key4 in data17){
if(!(key4 === "chain")){
const err62 = {instancePath:instancePath+"/certificate",schemaPath:"#/properties/certificate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data17.chain !== undefined){
let data18 = data17.chain;
if(Array.isArray(data18)){
if(data18.length > 10){
const err63 = {instancePath:instancePath+"/certificate/chain",schemaPath:"#/properties/certificate/properties/chain/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(data18.length < 1){
const err64 = {instancePath:instancePath+"/certificate/chain",schemaPath:"#/properties/certificate/properties/chain/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
const len0 = data18.length;
for(let i0=0; i0<len0; i0++){
let data19 = data18[i0];
if(typeof data19 === "string"){
if(func2(data19) > 1024){
const err65 = {instancePath:instancePath+"/certificate/chain/" + i0,schemaPath:"#/properties/certificate/properties/chain/items/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(func2(data19) < 1){
const err66 = {instancePath:instancePath+"/certificate/chain/" + i0,schemaPath:"#/properties/certificate/properties/chain/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(!pattern25.test(data19)){
const err67 = {instancePath:instancePath+"/certificate/chain/" + i0,schemaPath:"#/properties/certificate/properties/chain/items/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/certificate/chain/" + i0,schemaPath:"#/properties/certificate/properties/chain/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/certificate/chain",schemaPath:"#/properties/certificate/properties/chain/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/certificate",schemaPath:"#/properties/certificate/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data.trustedRoot !== undefined){
let data20 = data.trustedRoot;
if(typeof data20 === "string"){
if(func2(data20) > 63){
const err71 = {instancePath:instancePath+"/trustedRoot",schemaPath:"#/properties/trustedRoot/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(!pattern3.test(data20)){
const err72 = {instancePath:instancePath+"/trustedRoot",schemaPath:"#/properties/trustedRoot/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/trustedRoot",schemaPath:"#/properties/trustedRoot/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data.trustedRoot !== undefined){
if(data.keyless === undefined){
const err74 = {instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "trustedRoot",
    missingProperty: "keyless",
    depsCount: 1,
    deps: "keyless"},message:"must have property keyless when property trustedRoot is present"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const formats6 = require("ajv-formats/dist/formats").fullFormats["date-time"];

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://agentfence.dev/schemas/trust-policy/v1.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.mode === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.trustedRoots === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trustedRoots"},message:"must have required property '"+"trustedRoots"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.models === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "models"},message:"must have required property '"+"models"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.plugins === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "plugins"},message:"must have required property '"+"plugins"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.apis === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apis"},message:"must have required property '"+"apis"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "version") || (key0 === "mode")) || (key0 === "trustedRoots")) || (key0 === "models")) || (key0 === "plugins")) || (key0 === "apis")) || (key0 === "images"))){
const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.version !== undefined){
if(1 !== data.version){
const err7 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.mode !== undefined){
let data1 = data.mode;
if(!((data1 === "enforce") || (data1 === "warn"))){
const err8 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/enum",keyword:"enum",params:{allowedValues: schema20.properties.mode.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.trustedRoots !== undefined){
let data2 = data.trustedRoots;
if(Array.isArray(data2)){
if(data2.length > 20){
const err9 = {instancePath:instancePath+"/trustedRoots",schemaPath:"#/properties/trustedRoots/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.name === undefined){
const err10 = {instancePath:instancePath+"/trustedRoots/" + i0,schemaPath:"#/properties/trustedRoots/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.source === undefined){
const err11 = {instancePath:instancePath+"/trustedRoots/" + i0,schemaPath:"#/properties/trustedRoots/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "name") || (key1 === "source"))){
const err12 = {instancePath:instancePath+"/trustedRoots/" + i0,schemaPath:"#/properties/trustedRoots/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.name !== undefined){
let data4 = data3.name;
if(typeof data4 === "string"){
if(func2(data4) > 63){
const err13 = {instancePath:instancePath+"/trustedRoots/" + i0+"/name",schemaPath:"#/properties/trustedRoots/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern3.test(data4)){
const err14 = {instancePath:instancePath+"/trustedRoots/" + i0+"/name",schemaPath:"#/properties/trustedRoots/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/trustedRoots/" + i0+"/name",schemaPath:"#/properties/trustedRoots/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.source !== undefined){
let data5 = data3.source;
const _errs12 = errors;
let valid4 = false;
let passing0 = null;
const _errs13 = errors;
if("public-good" !== data5){
const err16 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/0/const",keyword:"const",params:{allowedValue: "public-good"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid0 = _errs13 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.path === undefined){
const err17 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key2 in data5){
if(!(key2 === "path")){
const err18 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data5.path !== undefined){
let data6 = data5.path;
if(typeof data6 === "string"){
if(func2(data6) > 1024){
const err19 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source/path",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/properties/path/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(func2(data6) < 1){
const err20 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source/path",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!pattern25.test(data6)){
const err21 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source/path",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/properties/path/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source/path",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err24 = {instancePath:instancePath+"/trustedRoots/" + i0+"/source",schemaPath:"#/properties/trustedRoots/items/properties/source/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err25 = {instancePath:instancePath+"/trustedRoots/" + i0,schemaPath:"#/properties/trustedRoots/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/trustedRoots",schemaPath:"#/properties/trustedRoots/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.models !== undefined){
let data7 = data.models;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.authorities === undefined){
const err27 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/required",keyword:"required",params:{missingProperty: "authorities"},message:"must have required property '"+"authorities"+"'"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key3 in data7){
if(!(((key3 === "authorities") || (key3 === "hosted")) || (key3 === "allowIgnorePaths"))){
const err28 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.authorities !== undefined){
let data8 = data7.authorities;
if(Array.isArray(data8)){
if(data8.length > 100){
const err29 = {instancePath:instancePath+"/models/authorities",schemaPath:"#/properties/models/properties/authorities/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
if(!(validate54(data8[i1], {instancePath:instancePath+"/models/authorities/" + i1,parentData:data8,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
const err30 = {instancePath:instancePath+"/models/authorities",schemaPath:"#/properties/models/properties/authorities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data7.hosted !== undefined){
let data10 = data7.hosted;
if(Array.isArray(data10)){
if(data10.length > 200){
const err31 = {instancePath:instancePath+"/models/hosted",schemaPath:"#/properties/models/properties/hosted/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const len2 = data10.length;
for(let i2=0; i2<len2; i2++){
let data11 = data10[i2];
if(typeof data11 === "string"){
if(func2(data11) > 256){
const err32 = {instancePath:instancePath+"/models/hosted/" + i2,schemaPath:"#/properties/models/properties/hosted/items/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(func2(data11) < 1){
const err33 = {instancePath:instancePath+"/models/hosted/" + i2,schemaPath:"#/properties/models/properties/hosted/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/models/hosted/" + i2,schemaPath:"#/properties/models/properties/hosted/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
let i3 = data10.length;
let j0;
if(i3 > 1){
const indices0 = {};
for(;i3--;){
let item0 = data10[i3];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err35 = {instancePath:instancePath+"/models/hosted",schemaPath:"#/properties/models/properties/hosted/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
break;
}
indices0[item0] = i3;
}
}
}
else {
const err36 = {instancePath:instancePath+"/models/hosted",schemaPath:"#/properties/models/properties/hosted/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data7.allowIgnorePaths !== undefined){
let data12 = data7.allowIgnorePaths;
if(Array.isArray(data12)){
if(data12.length > 100){
const err37 = {instancePath:instancePath+"/models/allowIgnorePaths",schemaPath:"#/properties/models/properties/allowIgnorePaths/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len3 = data12.length;
for(let i4=0; i4<len3; i4++){
let data13 = data12[i4];
if(typeof data13 === "string"){
if(func2(data13) > 63){
const err38 = {instancePath:instancePath+"/models/allowIgnorePaths/" + i4,schemaPath:"#/properties/models/properties/allowIgnorePaths/items/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!pattern3.test(data13)){
const err39 = {instancePath:instancePath+"/models/allowIgnorePaths/" + i4,schemaPath:"#/properties/models/properties/allowIgnorePaths/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/models/allowIgnorePaths/" + i4,schemaPath:"#/properties/models/properties/allowIgnorePaths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
let i5 = data12.length;
let j1;
if(i5 > 1){
const indices1 = {};
for(;i5--;){
let item1 = data12[i5];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err41 = {instancePath:instancePath+"/models/allowIgnorePaths",schemaPath:"#/properties/models/properties/allowIgnorePaths/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i5+" are identical)"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
break;
}
indices1[item1] = i5;
}
}
}
else {
const err42 = {instancePath:instancePath+"/models/allowIgnorePaths",schemaPath:"#/properties/models/properties/allowIgnorePaths/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.plugins !== undefined){
let data14 = data.plugins;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.authorities === undefined){
const err44 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/required",keyword:"required",params:{missingProperty: "authorities"},message:"must have required property '"+"authorities"+"'"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key4 in data14){
if(!((((key4 === "authorities") || (key4 === "requireProvenance")) || (key4 === "repositories")) || (key4 === "registryKeys"))){
const err45 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data14.authorities !== undefined){
let data15 = data14.authorities;
if(Array.isArray(data15)){
if(data15.length > 100){
const err46 = {instancePath:instancePath+"/plugins/authorities",schemaPath:"#/properties/plugins/properties/authorities/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
const len4 = data15.length;
for(let i6=0; i6<len4; i6++){
if(!(validate54(data15[i6], {instancePath:instancePath+"/plugins/authorities/" + i6,parentData:data15,parentDataProperty:i6,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
const err47 = {instancePath:instancePath+"/plugins/authorities",schemaPath:"#/properties/plugins/properties/authorities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data14.requireProvenance !== undefined){
if(typeof data14.requireProvenance !== "boolean"){
const err48 = {instancePath:instancePath+"/plugins/requireProvenance",schemaPath:"#/properties/plugins/properties/requireProvenance/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data14.repositories !== undefined){
let data18 = data14.repositories;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(Object.keys(data18).length > 500){
const err49 = {instancePath:instancePath+"/plugins/repositories",schemaPath:"#/properties/plugins/properties/repositories/maxProperties",keyword:"maxProperties",params:{limit: 500},message:"must NOT have more than 500 properties"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
for(const key5 in data18){
const _errs43 = errors;
if(typeof key5 === "string"){
if(func2(key5) > 214){
const err50 = {instancePath:instancePath+"/plugins/repositories",schemaPath:"#/properties/plugins/properties/repositories/propertyNames/maxLength",keyword:"maxLength",params:{limit: 214},message:"must NOT have more than 214 characters",propertyName:key5};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(!pattern32.test(key5)){
const err51 = {instancePath:instancePath+"/plugins/repositories",schemaPath:"#/properties/plugins/properties/repositories/propertyNames/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"},message:"must match pattern \""+"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"+"\"",propertyName:key5};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
else {
const err52 = {instancePath:instancePath+"/plugins/repositories",schemaPath:"#/properties/plugins/properties/repositories/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key5};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
var valid18 = _errs43 === errors;
if(!valid18){
const err53 = {instancePath:instancePath+"/plugins/repositories",schemaPath:"#/properties/plugins/properties/repositories/propertyNames",keyword:"propertyNames",params:{propertyName: key5},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
for(const key6 in data18){
let data19 = data18[key6];
const _errs48 = errors;
const _errs49 = errors;
if(typeof data19 === "string"){
if(!pattern34.test(data19)){
const err54 = {};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
var valid20 = _errs49 === errors;
if(valid20){
const err55 = {instancePath:instancePath+"/plugins/repositories/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/plugins/properties/repositories/additionalProperties/not",keyword:"not",params:{},message:"must NOT be valid"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
if(typeof data19 === "string"){
if(func2(data19) > 512){
const err56 = {instancePath:instancePath+"/plugins/repositories/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/plugins/properties/repositories/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(!pattern35.test(data19)){
const err57 = {instancePath:instancePath+"/plugins/repositories/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/plugins/properties/repositories/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$"},message:"must match pattern \""+"^https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+){2,}$"+"\""};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/plugins/repositories/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/plugins/properties/repositories/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/plugins/repositories",schemaPath:"#/properties/plugins/properties/repositories/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data14.registryKeys !== undefined){
let data20 = data14.registryKeys;
if(Array.isArray(data20)){
if(data20.length > 50){
const err60 = {instancePath:instancePath+"/plugins/registryKeys",schemaPath:"#/properties/plugins/properties/registryKeys/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
const len5 = data20.length;
for(let i7=0; i7<len5; i7++){
let data21 = data20[i7];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.keyid === undefined){
const err61 = {instancePath:instancePath+"/plugins/registryKeys/" + i7,schemaPath:"#/properties/plugins/properties/registryKeys/items/required",keyword:"required",params:{missingProperty: "keyid"},message:"must have required property '"+"keyid"+"'"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data21.key === undefined){
const err62 = {instancePath:instancePath+"/plugins/registryKeys/" + i7,schemaPath:"#/properties/plugins/properties/registryKeys/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
for(const key7 in data21){
if(!(((((key7 === "keyid") || (key7 === "key")) || (key7 === "keytype")) || (key7 === "scheme")) || (key7 === "expires"))){
const err63 = {instancePath:instancePath+"/plugins/registryKeys/" + i7,schemaPath:"#/properties/plugins/properties/registryKeys/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data21.keyid !== undefined){
let data22 = data21.keyid;
if(typeof data22 === "string"){
if(func2(data22) > 256){
const err64 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/keyid",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keyid/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(func2(data22) < 1){
const err65 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/keyid",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keyid/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/keyid",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keyid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data21.key !== undefined){
let data23 = data21.key;
if(typeof data23 === "string"){
if(func2(data23) > 8192){
const err67 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/key",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/key/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!pattern61.test(data23)){
const err68 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/key",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/key/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9+/]+={0,2}$"},message:"must match pattern \""+"^[A-Za-z0-9+/]+={0,2}$"+"\""};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/key",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data21.keytype !== undefined){
let data24 = data21.keytype;
if(typeof data24 === "string"){
if(func2(data24) > 64){
const err70 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/keytype",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keytype/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(func2(data24) < 1){
const err71 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/keytype",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keytype/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/keytype",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keytype/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data21.scheme !== undefined){
let data25 = data21.scheme;
if(typeof data25 === "string"){
if(func2(data25) > 64){
const err73 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/scheme",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/scheme/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if(func2(data25) < 1){
const err74 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/scheme",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/scheme/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/scheme",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data21.expires !== undefined){
let data26 = data21.expires;
const _errs64 = errors;
let valid24 = false;
let passing1 = null;
const _errs65 = errors;
if(data26 !== null){
const err76 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
var _valid1 = _errs65 === errors;
if(_valid1){
valid24 = true;
passing1 = 0;
}
const _errs67 = errors;
if(typeof data26 === "string"){
if(!(formats6.validate(data26))){
const err77 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf/1/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
else {
const err78 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
var _valid1 = _errs67 === errors;
if(_valid1 && valid24){
valid24 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid24 = true;
passing1 = 1;
}
}
if(!valid24){
const err79 = {instancePath:instancePath+"/plugins/registryKeys/" + i7+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
else {
errors = _errs64;
if(vErrors !== null){
if(_errs64){
vErrors.length = _errs64;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err80 = {instancePath:instancePath+"/plugins/registryKeys/" + i7,schemaPath:"#/properties/plugins/properties/registryKeys/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
else {
const err81 = {instancePath:instancePath+"/plugins/registryKeys",schemaPath:"#/properties/plugins/properties/registryKeys/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data.apis !== undefined){
let data27 = data.apis;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.authorities === undefined){
const err83 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/required",keyword:"required",params:{missingProperty: "authorities"},message:"must have required property '"+"authorities"+"'"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
for(const key8 in data27){
if(!(key8 === "authorities")){
const err84 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data27.authorities !== undefined){
let data28 = data27.authorities;
if(Array.isArray(data28)){
if(data28.length > 100){
const err85 = {instancePath:instancePath+"/apis/authorities",schemaPath:"#/properties/apis/properties/authorities/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
const len6 = data28.length;
for(let i8=0; i8<len6; i8++){
if(!(validate54(data28[i8], {instancePath:instancePath+"/apis/authorities/" + i8,parentData:data28,parentDataProperty:i8,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
const err86 = {instancePath:instancePath+"/apis/authorities",schemaPath:"#/properties/apis/properties/authorities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data.images !== undefined){
let data30 = data.images;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.authorities === undefined){
const err88 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/required",keyword:"required",params:{missingProperty: "authorities"},message:"must have required property '"+"authorities"+"'"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
for(const key9 in data30){
if(!(key9 === "authorities")){
const err89 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data30.authorities !== undefined){
let data31 = data30.authorities;
if(Array.isArray(data31)){
if(data31.length > 100){
const err90 = {instancePath:instancePath+"/images/authorities",schemaPath:"#/properties/images/properties/authorities/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
const len7 = data31.length;
for(let i9=0; i9<len7; i9++){
if(!(validate54(data31[i9], {instancePath:instancePath+"/images/authorities/" + i9,parentData:data31,parentDataProperty:i9,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
const err91 = {instancePath:instancePath+"/images/authorities",schemaPath:"#/properties/images/properties/authorities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
}
else {
const err92 = {instancePath:instancePath+"/images",schemaPath:"#/properties/images/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
else {
const err93 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

