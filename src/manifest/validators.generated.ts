// @ts-nocheck
/* eslint-disable */
// Generated from schemas.ts by buildValidatorsSource() (validators-source.ts); do not edit.
// Refresh: AGENTFENCE_UPDATE_GENERATED=1 npx vitest run test/unit/manifest/validators.test.ts
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
"use strict";
export const manifest = validate52;
const schema19 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://agentfence.dev/schemas/agent-manifest/v1.json","title":"agentfence agent manifest","type":"object","additionalProperties":false,"required":["version","name","description","owner","riskTier","autonomy","goals","identity","tools","dataStores","models","plugins","apis","network","monitoring"],"properties":{"version":{"const":1},"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":40},"description":{"type":"string","minLength":1,"maxLength":2000},"owner":{"type":"object","additionalProperties":false,"required":["team","email"],"properties":{"team":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"email":{"type":"string","format":"email","maxLength":254}}},"riskTier":{"enum":["low","high"]},"autonomy":{"enum":["assistive","supervised","autonomous"]},"goals":{"type":"array","minItems":1,"maxItems":50,"items":{"type":"string","minLength":1,"maxLength":2000}},"identity":{"type":"object","additionalProperties":false,"required":["runtime","account","region"],"properties":{"runtime":{"enum":["agentcore","ecs","lambda","eks"]},"account":{"type":"string","description":"a 12-digit AWS account id","pattern":"^\\d{12}$"},"region":{"type":"string","description":"an AWS region (e.g. eu-west-1)","pattern":"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$"}}},"tools":{"type":"array","maxItems":200,"items":{"type":"object","additionalProperties":false,"required":["name","actions","resources","risk","approval"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"description":{"type":"string","minLength":1,"maxLength":2000},"actions":{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"type":"string","description":"service:Action","pattern":"^[a-z0-9-]+:[A-Za-z0-9]+$","maxLength":128}},"resources":{"type":"array","minItems":1,"maxItems":100,"uniqueItems":true,"items":{"type":"string","description":"an explicit ARN (arn:partition:service:region:account:resource, no wildcards)","pattern":"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:[^*?\\s]+$","maxLength":2048}},"risk":{"enum":["low","high"]},"approval":{"enum":["required","none"]}}}},"dataStores":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name","kind","classification","retentionDays"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"kind":{"enum":["s3","dynamodb"]},"classification":{"enum":["public","internal","confidential","restricted"]},"retentionDays":{"type":"integer","minimum":1,"maximum":36500},"description":{"type":"string","minLength":1,"maxLength":2000}}}},"models":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name"],"oneOf":[{"required":["path"]},{"required":["hosted"]}],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"description":{"type":"string","minLength":1,"maxLength":2000},"path":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"hosted":{"type":"string","description":"a hosted model id (e.g. a Bedrock model id)","pattern":"^[A-Za-z0-9][A-Za-z0-9._:/-]*$","maxLength":256},"signature":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"ignorePaths":{"type":"array","maxItems":100,"uniqueItems":true,"items":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}},"version":{"type":"string","minLength":1,"maxLength":64},"supplier":{"type":"string","minLength":1,"maxLength":200},"license":{"type":"string","minLength":1,"maxLength":200},"task":{"type":"string","minLength":1,"maxLength":200},"architecture":{"type":"string","minLength":1,"maxLength":200},"card":{"type":"object","additionalProperties":false,"properties":{"url":{"type":"string","pattern":"^https://[^\\s]+$","maxLength":2048},"approach":{"enum":["supervised","unsupervised","reinforcement-learning","semi-supervised","self-supervised"]},"architectureFamily":{"type":"string","minLength":1,"maxLength":200},"datasets":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"maxLength":200},"description":{"type":"string","minLength":1,"maxLength":2000},"url":{"type":"string","pattern":"^https://[^\\s]+$","maxLength":2048},"classification":{"enum":["public","internal","confidential","restricted"]}}}},"inputs":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"outputs":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"performanceMetrics":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["type","value"],"properties":{"type":{"type":"string","minLength":1,"maxLength":200},"value":{"type":"string","minLength":1,"maxLength":200},"slice":{"type":"string","minLength":1,"maxLength":200}}}},"limitations":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"ethicalConsiderations":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"maxLength":500},"mitigationStrategy":{"type":"string","minLength":1,"maxLength":2000}}}},"users":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}},"useCases":{"type":"array","maxItems":50,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":500}}}}}}},"plugins":{"type":"array","maxItems":200,"items":{"type":"object","additionalProperties":false,"oneOf":[{"required":["name","version"]},{"required":["lockfile"]}],"dependentRequired":{"name":["version"],"version":["name"],"integrity":["name","version"]},"properties":{"name":{"type":"string","description":"an npm package name","pattern":"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$","maxLength":214},"version":{"type":"string","minLength":1,"maxLength":256},"integrity":{"type":"string","description":"an SRI sha512 integrity (sha512-<base64>)","pattern":"^sha512-[A-Za-z0-9+/]{86}==$"},"lockfile":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"apis":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["name","descriptor","signature","dataClassifications"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"descriptor":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"signature":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"dataClassifications":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["public","internal","confidential","restricted"]}},"signedBy":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"network":{"type":"object","additionalProperties":false,"required":["egress"],"properties":{"egress":{"enum":["firewall","none"]}}},"monitoring":{"type":"object","additionalProperties":false,"required":["logRetentionDays"],"properties":{"logRetentionDays":{"enum":[1,3,5,7,14,30,60,90,120,150,180,365,400,545,731,1096,1827,2192,2557,2922,3288,3653]},"alarmEmail":{"type":"string","format":"email","maxLength":254},"alarmTopicArn":{"type":"string","description":"an SNS topic ARN","pattern":"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$"}}},"attestations":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024},"paused":{"type":"boolean"}}};
const func1 = Object.prototype.hasOwnProperty;
const func2 = require("ajv/dist/runtime/ucs2length").default;
const func0 = require("ajv/dist/runtime/equal").default;
const pattern3 = new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$", "u");
const pattern5 = new RegExp("^\\d{12}$", "u");
const pattern6 = new RegExp("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d{1,2}$", "u");
const pattern8 = new RegExp("^[a-z0-9-]+:[A-Za-z0-9]+$", "u");
const pattern9 = new RegExp("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:[^*?\\s]+$", "u");
const pattern12 = new RegExp("^[^\\\\\\u0000]+$", "u");
const pattern13 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:/-]*$", "u");
const pattern17 = new RegExp("^https://[^\\s]+$", "u");
const pattern19 = new RegExp("^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$", "u");
const pattern20 = new RegExp("^sha512-[A-Za-z0-9+/]{86}==$", "u");
const pattern27 = new RegExp("^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$", "u");
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
if(!((((((key3 === "name") || (key3 === "description")) || (key3 === "actions")) || (key3 === "resources")) || (key3 === "risk")) || (key3 === "approval"))){
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
const err74 = {instancePath:instancePath+"/tools/" + i1+"/resources/" + i4,schemaPath:"#/properties/tools/items/properties/resources/items/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:[^*?\\s]+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:[^*?\\s]+$"+"\""};
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
}
else {
const err80 = {instancePath:instancePath+"/tools/" + i1,schemaPath:"#/properties/tools/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
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
const err81 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data.dataStores !== undefined){
let data24 = data.dataStores;
if(Array.isArray(data24)){
if(data24.length > 50){
const err82 = {instancePath:instancePath+"/dataStores",schemaPath:"#/properties/dataStores/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
const len4 = data24.length;
for(let i6=0; i6<len4; i6++){
let data25 = data24[i6];
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.name === undefined){
const err83 = {instancePath:instancePath+"/dataStores/" + i6,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(data25.kind === undefined){
const err84 = {instancePath:instancePath+"/dataStores/" + i6,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(data25.classification === undefined){
const err85 = {instancePath:instancePath+"/dataStores/" + i6,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "classification"},message:"must have required property '"+"classification"+"'"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data25.retentionDays === undefined){
const err86 = {instancePath:instancePath+"/dataStores/" + i6,schemaPath:"#/properties/dataStores/items/required",keyword:"required",params:{missingProperty: "retentionDays"},message:"must have required property '"+"retentionDays"+"'"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
for(const key4 in data25){
if(!(((((key4 === "name") || (key4 === "kind")) || (key4 === "classification")) || (key4 === "retentionDays")) || (key4 === "description"))){
const err87 = {instancePath:instancePath+"/dataStores/" + i6,schemaPath:"#/properties/dataStores/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data25.name !== undefined){
let data26 = data25.name;
if(typeof data26 === "string"){
if(func2(data26) > 63){
const err88 = {instancePath:instancePath+"/dataStores/" + i6+"/name",schemaPath:"#/properties/dataStores/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
if(!pattern3.test(data26)){
const err89 = {instancePath:instancePath+"/dataStores/" + i6+"/name",schemaPath:"#/properties/dataStores/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
else {
const err90 = {instancePath:instancePath+"/dataStores/" + i6+"/name",schemaPath:"#/properties/dataStores/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data25.kind !== undefined){
let data27 = data25.kind;
if(!((data27 === "s3") || (data27 === "dynamodb"))){
const err91 = {instancePath:instancePath+"/dataStores/" + i6+"/kind",schemaPath:"#/properties/dataStores/items/properties/kind/enum",keyword:"enum",params:{allowedValues: schema19.properties.dataStores.items.properties.kind.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data25.classification !== undefined){
let data28 = data25.classification;
if(!((((data28 === "public") || (data28 === "internal")) || (data28 === "confidential")) || (data28 === "restricted"))){
const err92 = {instancePath:instancePath+"/dataStores/" + i6+"/classification",schemaPath:"#/properties/dataStores/items/properties/classification/enum",keyword:"enum",params:{allowedValues: schema19.properties.dataStores.items.properties.classification.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data25.retentionDays !== undefined){
let data29 = data25.retentionDays;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err93 = {instancePath:instancePath+"/dataStores/" + i6+"/retentionDays",schemaPath:"#/properties/dataStores/items/properties/retentionDays/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 36500 || isNaN(data29)){
const err94 = {instancePath:instancePath+"/dataStores/" + i6+"/retentionDays",schemaPath:"#/properties/dataStores/items/properties/retentionDays/maximum",keyword:"maximum",params:{comparison: "<=", limit: 36500},message:"must be <= 36500"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(data29 < 1 || isNaN(data29)){
const err95 = {instancePath:instancePath+"/dataStores/" + i6+"/retentionDays",schemaPath:"#/properties/dataStores/items/properties/retentionDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
if(data25.description !== undefined){
let data30 = data25.description;
if(typeof data30 === "string"){
if(func2(data30) > 2000){
const err96 = {instancePath:instancePath+"/dataStores/" + i6+"/description",schemaPath:"#/properties/dataStores/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
if(func2(data30) < 1){
const err97 = {instancePath:instancePath+"/dataStores/" + i6+"/description",schemaPath:"#/properties/dataStores/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/dataStores/" + i6+"/description",schemaPath:"#/properties/dataStores/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/dataStores/" + i6,schemaPath:"#/properties/dataStores/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/dataStores",schemaPath:"#/properties/dataStores/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data.models !== undefined){
let data31 = data.models;
if(Array.isArray(data31)){
if(data31.length > 50){
const err101 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
const len5 = data31.length;
for(let i7=0; i7<len5; i7++){
let data32 = data31[i7];
const _errs64 = errors;
let valid19 = false;
let passing0 = null;
const _errs65 = errors;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.path === undefined){
const err102 = {instancePath:instancePath+"/models/" + i7,schemaPath:"#/properties/models/items/oneOf/0/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
var _valid0 = _errs65 === errors;
if(_valid0){
valid19 = true;
passing0 = 0;
}
const _errs66 = errors;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.hosted === undefined){
const err103 = {instancePath:instancePath+"/models/" + i7,schemaPath:"#/properties/models/items/oneOf/1/required",keyword:"required",params:{missingProperty: "hosted"},message:"must have required property '"+"hosted"+"'"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
var _valid0 = _errs66 === errors;
if(_valid0 && valid19){
valid19 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid19 = true;
passing0 = 1;
}
}
if(!valid19){
const err104 = {instancePath:instancePath+"/models/" + i7,schemaPath:"#/properties/models/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
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
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.name === undefined){
const err105 = {instancePath:instancePath+"/models/" + i7,schemaPath:"#/properties/models/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
for(const key5 in data32){
if(!(func1.call(schema19.properties.models.items.properties, key5))){
const err106 = {instancePath:instancePath+"/models/" + i7,schemaPath:"#/properties/models/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data32.name !== undefined){
let data33 = data32.name;
if(typeof data33 === "string"){
if(func2(data33) > 63){
const err107 = {instancePath:instancePath+"/models/" + i7+"/name",schemaPath:"#/properties/models/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
if(!pattern3.test(data33)){
const err108 = {instancePath:instancePath+"/models/" + i7+"/name",schemaPath:"#/properties/models/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
else {
const err109 = {instancePath:instancePath+"/models/" + i7+"/name",schemaPath:"#/properties/models/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data32.description !== undefined){
let data34 = data32.description;
if(typeof data34 === "string"){
if(func2(data34) > 2000){
const err110 = {instancePath:instancePath+"/models/" + i7+"/description",schemaPath:"#/properties/models/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
if(func2(data34) < 1){
const err111 = {instancePath:instancePath+"/models/" + i7+"/description",schemaPath:"#/properties/models/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
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
const err112 = {instancePath:instancePath+"/models/" + i7+"/description",schemaPath:"#/properties/models/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
if(data32.path !== undefined){
let data35 = data32.path;
if(typeof data35 === "string"){
if(func2(data35) > 1024){
const err113 = {instancePath:instancePath+"/models/" + i7+"/path",schemaPath:"#/properties/models/items/properties/path/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
if(func2(data35) < 1){
const err114 = {instancePath:instancePath+"/models/" + i7+"/path",schemaPath:"#/properties/models/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if(!pattern12.test(data35)){
const err115 = {instancePath:instancePath+"/models/" + i7+"/path",schemaPath:"#/properties/models/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
else {
const err116 = {instancePath:instancePath+"/models/" + i7+"/path",schemaPath:"#/properties/models/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data32.hosted !== undefined){
let data36 = data32.hosted;
if(typeof data36 === "string"){
if(func2(data36) > 256){
const err117 = {instancePath:instancePath+"/models/" + i7+"/hosted",schemaPath:"#/properties/models/items/properties/hosted/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if(!pattern13.test(data36)){
const err118 = {instancePath:instancePath+"/models/" + i7+"/hosted",schemaPath:"#/properties/models/items/properties/hosted/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:/-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"+"\""};
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
const err119 = {instancePath:instancePath+"/models/" + i7+"/hosted",schemaPath:"#/properties/models/items/properties/hosted/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data32.signature !== undefined){
let data37 = data32.signature;
if(typeof data37 === "string"){
if(func2(data37) > 1024){
const err120 = {instancePath:instancePath+"/models/" + i7+"/signature",schemaPath:"#/properties/models/items/properties/signature/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
if(func2(data37) < 1){
const err121 = {instancePath:instancePath+"/models/" + i7+"/signature",schemaPath:"#/properties/models/items/properties/signature/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
if(!pattern12.test(data37)){
const err122 = {instancePath:instancePath+"/models/" + i7+"/signature",schemaPath:"#/properties/models/items/properties/signature/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
else {
const err123 = {instancePath:instancePath+"/models/" + i7+"/signature",schemaPath:"#/properties/models/items/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data32.signedBy !== undefined){
let data38 = data32.signedBy;
if(typeof data38 === "string"){
if(func2(data38) > 63){
const err124 = {instancePath:instancePath+"/models/" + i7+"/signedBy",schemaPath:"#/properties/models/items/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
if(!pattern3.test(data38)){
const err125 = {instancePath:instancePath+"/models/" + i7+"/signedBy",schemaPath:"#/properties/models/items/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
else {
const err126 = {instancePath:instancePath+"/models/" + i7+"/signedBy",schemaPath:"#/properties/models/items/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data32.ignorePaths !== undefined){
let data39 = data32.ignorePaths;
if(Array.isArray(data39)){
if(data39.length > 100){
const err127 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths",schemaPath:"#/properties/models/items/properties/ignorePaths/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
const len6 = data39.length;
for(let i8=0; i8<len6; i8++){
let data40 = data39[i8];
if(typeof data40 === "string"){
if(func2(data40) > 1024){
const err128 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths/" + i8,schemaPath:"#/properties/models/items/properties/ignorePaths/items/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if(func2(data40) < 1){
const err129 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths/" + i8,schemaPath:"#/properties/models/items/properties/ignorePaths/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if(!pattern12.test(data40)){
const err130 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths/" + i8,schemaPath:"#/properties/models/items/properties/ignorePaths/items/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
else {
const err131 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths/" + i8,schemaPath:"#/properties/models/items/properties/ignorePaths/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
let i9 = data39.length;
let j2;
if(i9 > 1){
const indices2 = {};
for(;i9--;){
let item2 = data39[i9];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err132 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths",schemaPath:"#/properties/models/items/properties/ignorePaths/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i9+" are identical)"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
break;
}
indices2[item2] = i9;
}
}
}
else {
const err133 = {instancePath:instancePath+"/models/" + i7+"/ignorePaths",schemaPath:"#/properties/models/items/properties/ignorePaths/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data32.version !== undefined){
let data41 = data32.version;
if(typeof data41 === "string"){
if(func2(data41) > 64){
const err134 = {instancePath:instancePath+"/models/" + i7+"/version",schemaPath:"#/properties/models/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
if(func2(data41) < 1){
const err135 = {instancePath:instancePath+"/models/" + i7+"/version",schemaPath:"#/properties/models/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
else {
const err136 = {instancePath:instancePath+"/models/" + i7+"/version",schemaPath:"#/properties/models/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
if(data32.supplier !== undefined){
let data42 = data32.supplier;
if(typeof data42 === "string"){
if(func2(data42) > 200){
const err137 = {instancePath:instancePath+"/models/" + i7+"/supplier",schemaPath:"#/properties/models/items/properties/supplier/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
if(func2(data42) < 1){
const err138 = {instancePath:instancePath+"/models/" + i7+"/supplier",schemaPath:"#/properties/models/items/properties/supplier/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
else {
const err139 = {instancePath:instancePath+"/models/" + i7+"/supplier",schemaPath:"#/properties/models/items/properties/supplier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data32.license !== undefined){
let data43 = data32.license;
if(typeof data43 === "string"){
if(func2(data43) > 200){
const err140 = {instancePath:instancePath+"/models/" + i7+"/license",schemaPath:"#/properties/models/items/properties/license/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
if(func2(data43) < 1){
const err141 = {instancePath:instancePath+"/models/" + i7+"/license",schemaPath:"#/properties/models/items/properties/license/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
else {
const err142 = {instancePath:instancePath+"/models/" + i7+"/license",schemaPath:"#/properties/models/items/properties/license/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
if(data32.task !== undefined){
let data44 = data32.task;
if(typeof data44 === "string"){
if(func2(data44) > 200){
const err143 = {instancePath:instancePath+"/models/" + i7+"/task",schemaPath:"#/properties/models/items/properties/task/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
if(func2(data44) < 1){
const err144 = {instancePath:instancePath+"/models/" + i7+"/task",schemaPath:"#/properties/models/items/properties/task/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
else {
const err145 = {instancePath:instancePath+"/models/" + i7+"/task",schemaPath:"#/properties/models/items/properties/task/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data32.architecture !== undefined){
let data45 = data32.architecture;
if(typeof data45 === "string"){
if(func2(data45) > 200){
const err146 = {instancePath:instancePath+"/models/" + i7+"/architecture",schemaPath:"#/properties/models/items/properties/architecture/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
if(func2(data45) < 1){
const err147 = {instancePath:instancePath+"/models/" + i7+"/architecture",schemaPath:"#/properties/models/items/properties/architecture/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
else {
const err148 = {instancePath:instancePath+"/models/" + i7+"/architecture",schemaPath:"#/properties/models/items/properties/architecture/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
if(data32.card !== undefined){
let data46 = data32.card;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
for(const key6 in data46){
if(!(func1.call(schema19.properties.models.items.properties.card.properties, key6))){
const err149 = {instancePath:instancePath+"/models/" + i7+"/card",schemaPath:"#/properties/models/items/properties/card/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
if(data46.url !== undefined){
let data47 = data46.url;
if(typeof data47 === "string"){
if(func2(data47) > 2048){
const err150 = {instancePath:instancePath+"/models/" + i7+"/card/url",schemaPath:"#/properties/models/items/properties/card/properties/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
if(!pattern17.test(data47)){
const err151 = {instancePath:instancePath+"/models/" + i7+"/card/url",schemaPath:"#/properties/models/items/properties/card/properties/url/pattern",keyword:"pattern",params:{pattern: "^https://[^\\s]+$"},message:"must match pattern \""+"^https://[^\\s]+$"+"\""};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
else {
const err152 = {instancePath:instancePath+"/models/" + i7+"/card/url",schemaPath:"#/properties/models/items/properties/card/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data46.approach !== undefined){
let data48 = data46.approach;
if(!(((((data48 === "supervised") || (data48 === "unsupervised")) || (data48 === "reinforcement-learning")) || (data48 === "semi-supervised")) || (data48 === "self-supervised"))){
const err153 = {instancePath:instancePath+"/models/" + i7+"/card/approach",schemaPath:"#/properties/models/items/properties/card/properties/approach/enum",keyword:"enum",params:{allowedValues: schema19.properties.models.items.properties.card.properties.approach.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
if(data46.architectureFamily !== undefined){
let data49 = data46.architectureFamily;
if(typeof data49 === "string"){
if(func2(data49) > 200){
const err154 = {instancePath:instancePath+"/models/" + i7+"/card/architectureFamily",schemaPath:"#/properties/models/items/properties/card/properties/architectureFamily/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
if(func2(data49) < 1){
const err155 = {instancePath:instancePath+"/models/" + i7+"/card/architectureFamily",schemaPath:"#/properties/models/items/properties/card/properties/architectureFamily/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
else {
const err156 = {instancePath:instancePath+"/models/" + i7+"/card/architectureFamily",schemaPath:"#/properties/models/items/properties/card/properties/architectureFamily/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data46.datasets !== undefined){
let data50 = data46.datasets;
if(Array.isArray(data50)){
if(data50.length > 50){
const err157 = {instancePath:instancePath+"/models/" + i7+"/card/datasets",schemaPath:"#/properties/models/items/properties/card/properties/datasets/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
const len7 = data50.length;
for(let i10=0; i10<len7; i10++){
let data51 = data50[i10];
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
if(data51.name === undefined){
const err158 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10,schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
for(const key7 in data51){
if(!((((key7 === "name") || (key7 === "description")) || (key7 === "url")) || (key7 === "classification"))){
const err159 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10,schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
if(data51.name !== undefined){
let data52 = data51.name;
if(typeof data52 === "string"){
if(func2(data52) > 200){
const err160 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/name",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
if(func2(data52) < 1){
const err161 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/name",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
else {
const err162 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/name",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data51.description !== undefined){
let data53 = data51.description;
if(typeof data53 === "string"){
if(func2(data53) > 2000){
const err163 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/description",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
if(func2(data53) < 1){
const err164 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/description",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
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
const err165 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/description",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
if(data51.url !== undefined){
let data54 = data51.url;
if(typeof data54 === "string"){
if(func2(data54) > 2048){
const err166 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/url",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
if(!pattern17.test(data54)){
const err167 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/url",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/url/pattern",keyword:"pattern",params:{pattern: "^https://[^\\s]+$"},message:"must match pattern \""+"^https://[^\\s]+$"+"\""};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
else {
const err168 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/url",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
if(data51.classification !== undefined){
let data55 = data51.classification;
if(!((((data55 === "public") || (data55 === "internal")) || (data55 === "confidential")) || (data55 === "restricted"))){
const err169 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10+"/classification",schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/properties/classification/enum",keyword:"enum",params:{allowedValues: schema19.properties.models.items.properties.card.properties.datasets.items.properties.classification.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
}
else {
const err170 = {instancePath:instancePath+"/models/" + i7+"/card/datasets/" + i10,schemaPath:"#/properties/models/items/properties/card/properties/datasets/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
}
else {
const err171 = {instancePath:instancePath+"/models/" + i7+"/card/datasets",schemaPath:"#/properties/models/items/properties/card/properties/datasets/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
if(data46.inputs !== undefined){
let data56 = data46.inputs;
if(Array.isArray(data56)){
if(data56.length > 50){
const err172 = {instancePath:instancePath+"/models/" + i7+"/card/inputs",schemaPath:"#/properties/models/items/properties/card/properties/inputs/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
const len8 = data56.length;
for(let i11=0; i11<len8; i11++){
let data57 = data56[i11];
if(typeof data57 === "string"){
if(func2(data57) > 500){
const err173 = {instancePath:instancePath+"/models/" + i7+"/card/inputs/" + i11,schemaPath:"#/properties/models/items/properties/card/properties/inputs/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
if(func2(data57) < 1){
const err174 = {instancePath:instancePath+"/models/" + i7+"/card/inputs/" + i11,schemaPath:"#/properties/models/items/properties/card/properties/inputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
else {
const err175 = {instancePath:instancePath+"/models/" + i7+"/card/inputs/" + i11,schemaPath:"#/properties/models/items/properties/card/properties/inputs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
let i12 = data56.length;
let j3;
if(i12 > 1){
const indices3 = {};
for(;i12--;){
let item3 = data56[i12];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err176 = {instancePath:instancePath+"/models/" + i7+"/card/inputs",schemaPath:"#/properties/models/items/properties/card/properties/inputs/uniqueItems",keyword:"uniqueItems",params:{i: i12, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i12+" are identical)"};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
break;
}
indices3[item3] = i12;
}
}
}
else {
const err177 = {instancePath:instancePath+"/models/" + i7+"/card/inputs",schemaPath:"#/properties/models/items/properties/card/properties/inputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
if(data46.outputs !== undefined){
let data58 = data46.outputs;
if(Array.isArray(data58)){
if(data58.length > 50){
const err178 = {instancePath:instancePath+"/models/" + i7+"/card/outputs",schemaPath:"#/properties/models/items/properties/card/properties/outputs/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
const len9 = data58.length;
for(let i13=0; i13<len9; i13++){
let data59 = data58[i13];
if(typeof data59 === "string"){
if(func2(data59) > 500){
const err179 = {instancePath:instancePath+"/models/" + i7+"/card/outputs/" + i13,schemaPath:"#/properties/models/items/properties/card/properties/outputs/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
if(func2(data59) < 1){
const err180 = {instancePath:instancePath+"/models/" + i7+"/card/outputs/" + i13,schemaPath:"#/properties/models/items/properties/card/properties/outputs/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
else {
const err181 = {instancePath:instancePath+"/models/" + i7+"/card/outputs/" + i13,schemaPath:"#/properties/models/items/properties/card/properties/outputs/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
let i14 = data58.length;
let j4;
if(i14 > 1){
const indices4 = {};
for(;i14--;){
let item4 = data58[i14];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
const err182 = {instancePath:instancePath+"/models/" + i7+"/card/outputs",schemaPath:"#/properties/models/items/properties/card/properties/outputs/uniqueItems",keyword:"uniqueItems",params:{i: i14, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i14+" are identical)"};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
break;
}
indices4[item4] = i14;
}
}
}
else {
const err183 = {instancePath:instancePath+"/models/" + i7+"/card/outputs",schemaPath:"#/properties/models/items/properties/card/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
if(data46.performanceMetrics !== undefined){
let data60 = data46.performanceMetrics;
if(Array.isArray(data60)){
if(data60.length > 50){
const err184 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
const len10 = data60.length;
for(let i15=0; i15<len10; i15++){
let data61 = data60[i15];
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
if(data61.type === undefined){
const err185 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
if(data61.value === undefined){
const err186 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
for(const key8 in data61){
if(!(((key8 === "type") || (key8 === "value")) || (key8 === "slice"))){
const err187 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
if(data61.type !== undefined){
let data62 = data61.type;
if(typeof data62 === "string"){
if(func2(data62) > 200){
const err188 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/type",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/type/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
if(func2(data62) < 1){
const err189 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/type",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
else {
const err190 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/type",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data61.value !== undefined){
let data63 = data61.value;
if(typeof data63 === "string"){
if(func2(data63) > 200){
const err191 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/value",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/value/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
if(func2(data63) < 1){
const err192 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/value",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/value/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
else {
const err193 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/value",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
if(data61.slice !== undefined){
let data64 = data61.slice;
if(typeof data64 === "string"){
if(func2(data64) > 200){
const err194 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/slice",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/slice/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if(func2(data64) < 1){
const err195 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/slice",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/slice/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
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
const err196 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15+"/slice",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/properties/slice/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
}
else {
const err197 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics/" + i15,schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
}
else {
const err198 = {instancePath:instancePath+"/models/" + i7+"/card/performanceMetrics",schemaPath:"#/properties/models/items/properties/card/properties/performanceMetrics/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
if(data46.limitations !== undefined){
let data65 = data46.limitations;
if(Array.isArray(data65)){
if(data65.length > 50){
const err199 = {instancePath:instancePath+"/models/" + i7+"/card/limitations",schemaPath:"#/properties/models/items/properties/card/properties/limitations/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
const len11 = data65.length;
for(let i16=0; i16<len11; i16++){
let data66 = data65[i16];
if(typeof data66 === "string"){
if(func2(data66) > 500){
const err200 = {instancePath:instancePath+"/models/" + i7+"/card/limitations/" + i16,schemaPath:"#/properties/models/items/properties/card/properties/limitations/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(func2(data66) < 1){
const err201 = {instancePath:instancePath+"/models/" + i7+"/card/limitations/" + i16,schemaPath:"#/properties/models/items/properties/card/properties/limitations/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
}
else {
const err202 = {instancePath:instancePath+"/models/" + i7+"/card/limitations/" + i16,schemaPath:"#/properties/models/items/properties/card/properties/limitations/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
let i17 = data65.length;
let j5;
if(i17 > 1){
const indices5 = {};
for(;i17--;){
let item5 = data65[i17];
if(typeof item5 !== "string"){
continue;
}
if(typeof indices5[item5] == "number"){
j5 = indices5[item5];
const err203 = {instancePath:instancePath+"/models/" + i7+"/card/limitations",schemaPath:"#/properties/models/items/properties/card/properties/limitations/uniqueItems",keyword:"uniqueItems",params:{i: i17, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i17+" are identical)"};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
break;
}
indices5[item5] = i17;
}
}
}
else {
const err204 = {instancePath:instancePath+"/models/" + i7+"/card/limitations",schemaPath:"#/properties/models/items/properties/card/properties/limitations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
if(data46.ethicalConsiderations !== undefined){
let data67 = data46.ethicalConsiderations;
if(Array.isArray(data67)){
if(data67.length > 50){
const err205 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
const len12 = data67.length;
for(let i18=0; i18<len12; i18++){
let data68 = data67[i18];
if(data68 && typeof data68 == "object" && !Array.isArray(data68)){
if(data68.name === undefined){
const err206 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18,schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
for(const key9 in data68){
if(!((key9 === "name") || (key9 === "mitigationStrategy"))){
const err207 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18,schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
if(data68.name !== undefined){
let data69 = data68.name;
if(typeof data69 === "string"){
if(func2(data69) > 500){
const err208 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18+"/name",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
if(func2(data69) < 1){
const err209 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18+"/name",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
else {
const err210 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18+"/name",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
if(data68.mitigationStrategy !== undefined){
let data70 = data68.mitigationStrategy;
if(typeof data70 === "string"){
if(func2(data70) > 2000){
const err211 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18+"/mitigationStrategy",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/mitigationStrategy/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
if(func2(data70) < 1){
const err212 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18+"/mitigationStrategy",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/mitigationStrategy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
else {
const err213 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18+"/mitigationStrategy",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/properties/mitigationStrategy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
}
else {
const err214 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations/" + i18,schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
}
else {
const err215 = {instancePath:instancePath+"/models/" + i7+"/card/ethicalConsiderations",schemaPath:"#/properties/models/items/properties/card/properties/ethicalConsiderations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
if(data46.users !== undefined){
let data71 = data46.users;
if(Array.isArray(data71)){
if(data71.length > 50){
const err216 = {instancePath:instancePath+"/models/" + i7+"/card/users",schemaPath:"#/properties/models/items/properties/card/properties/users/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
const len13 = data71.length;
for(let i19=0; i19<len13; i19++){
let data72 = data71[i19];
if(typeof data72 === "string"){
if(func2(data72) > 500){
const err217 = {instancePath:instancePath+"/models/" + i7+"/card/users/" + i19,schemaPath:"#/properties/models/items/properties/card/properties/users/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
if(func2(data72) < 1){
const err218 = {instancePath:instancePath+"/models/" + i7+"/card/users/" + i19,schemaPath:"#/properties/models/items/properties/card/properties/users/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
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
const err219 = {instancePath:instancePath+"/models/" + i7+"/card/users/" + i19,schemaPath:"#/properties/models/items/properties/card/properties/users/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
let i20 = data71.length;
let j6;
if(i20 > 1){
const indices6 = {};
for(;i20--;){
let item6 = data71[i20];
if(typeof item6 !== "string"){
continue;
}
if(typeof indices6[item6] == "number"){
j6 = indices6[item6];
const err220 = {instancePath:instancePath+"/models/" + i7+"/card/users",schemaPath:"#/properties/models/items/properties/card/properties/users/uniqueItems",keyword:"uniqueItems",params:{i: i20, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i20+" are identical)"};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
break;
}
indices6[item6] = i20;
}
}
}
else {
const err221 = {instancePath:instancePath+"/models/" + i7+"/card/users",schemaPath:"#/properties/models/items/properties/card/properties/users/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data46.useCases !== undefined){
let data73 = data46.useCases;
if(Array.isArray(data73)){
if(data73.length > 50){
const err222 = {instancePath:instancePath+"/models/" + i7+"/card/useCases",schemaPath:"#/properties/models/items/properties/card/properties/useCases/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
const len14 = data73.length;
for(let i21=0; i21<len14; i21++){
let data74 = data73[i21];
if(typeof data74 === "string"){
if(func2(data74) > 500){
const err223 = {instancePath:instancePath+"/models/" + i7+"/card/useCases/" + i21,schemaPath:"#/properties/models/items/properties/card/properties/useCases/items/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
if(func2(data74) < 1){
const err224 = {instancePath:instancePath+"/models/" + i7+"/card/useCases/" + i21,schemaPath:"#/properties/models/items/properties/card/properties/useCases/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
else {
const err225 = {instancePath:instancePath+"/models/" + i7+"/card/useCases/" + i21,schemaPath:"#/properties/models/items/properties/card/properties/useCases/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
let i22 = data73.length;
let j7;
if(i22 > 1){
const indices7 = {};
for(;i22--;){
let item7 = data73[i22];
if(typeof item7 !== "string"){
continue;
}
if(typeof indices7[item7] == "number"){
j7 = indices7[item7];
const err226 = {instancePath:instancePath+"/models/" + i7+"/card/useCases",schemaPath:"#/properties/models/items/properties/card/properties/useCases/uniqueItems",keyword:"uniqueItems",params:{i: i22, j: j7},message:"must NOT have duplicate items (items ## "+j7+" and "+i22+" are identical)"};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
break;
}
indices7[item7] = i22;
}
}
}
else {
const err227 = {instancePath:instancePath+"/models/" + i7+"/card/useCases",schemaPath:"#/properties/models/items/properties/card/properties/useCases/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
}
else {
const err228 = {instancePath:instancePath+"/models/" + i7+"/card",schemaPath:"#/properties/models/items/properties/card/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
}
else {
const err229 = {instancePath:instancePath+"/models/" + i7,schemaPath:"#/properties/models/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
}
else {
const err230 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
if(data.plugins !== undefined){
let data75 = data.plugins;
if(Array.isArray(data75)){
if(data75.length > 200){
const err231 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items"};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
const len15 = data75.length;
for(let i23=0; i23<len15; i23++){
let data76 = data75[i23];
const _errs158 = errors;
let valid51 = false;
let passing1 = null;
const _errs159 = errors;
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
if(data76.name === undefined){
const err232 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/oneOf/0/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
if(data76.version === undefined){
const err233 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/oneOf/0/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
var _valid1 = _errs159 === errors;
if(_valid1){
valid51 = true;
passing1 = 0;
}
const _errs160 = errors;
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
if(data76.lockfile === undefined){
const err234 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/oneOf/1/required",keyword:"required",params:{missingProperty: "lockfile"},message:"must have required property '"+"lockfile"+"'"};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
var _valid1 = _errs160 === errors;
if(_valid1 && valid51){
valid51 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid51 = true;
passing1 = 1;
}
}
if(!valid51){
const err235 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
else {
errors = _errs158;
if(vErrors !== null){
if(_errs158){
vErrors.length = _errs158;
}
else {
vErrors = null;
}
}
}
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
for(const key10 in data76){
if(!(((((key10 === "name") || (key10 === "version")) || (key10 === "integrity")) || (key10 === "lockfile")) || (key10 === "signedBy"))){
const err236 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
if(data76.name !== undefined){
let data77 = data76.name;
if(typeof data77 === "string"){
if(func2(data77) > 214){
const err237 = {instancePath:instancePath+"/plugins/" + i23+"/name",schemaPath:"#/properties/plugins/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 214},message:"must NOT have more than 214 characters"};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
if(!pattern19.test(data77)){
const err238 = {instancePath:instancePath+"/plugins/" + i23+"/name",schemaPath:"#/properties/plugins/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"},message:"must match pattern \""+"^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$"+"\""};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
}
else {
const err239 = {instancePath:instancePath+"/plugins/" + i23+"/name",schemaPath:"#/properties/plugins/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
if(data76.version !== undefined){
let data78 = data76.version;
if(typeof data78 === "string"){
if(func2(data78) > 256){
const err240 = {instancePath:instancePath+"/plugins/" + i23+"/version",schemaPath:"#/properties/plugins/items/properties/version/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
if(func2(data78) < 1){
const err241 = {instancePath:instancePath+"/plugins/" + i23+"/version",schemaPath:"#/properties/plugins/items/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
else {
const err242 = {instancePath:instancePath+"/plugins/" + i23+"/version",schemaPath:"#/properties/plugins/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
if(data76.integrity !== undefined){
let data79 = data76.integrity;
if(typeof data79 === "string"){
if(!pattern20.test(data79)){
const err243 = {instancePath:instancePath+"/plugins/" + i23+"/integrity",schemaPath:"#/properties/plugins/items/properties/integrity/pattern",keyword:"pattern",params:{pattern: "^sha512-[A-Za-z0-9+/]{86}==$"},message:"must match pattern \""+"^sha512-[A-Za-z0-9+/]{86}==$"+"\""};
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
const err244 = {instancePath:instancePath+"/plugins/" + i23+"/integrity",schemaPath:"#/properties/plugins/items/properties/integrity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
if(data76.lockfile !== undefined){
let data80 = data76.lockfile;
if(typeof data80 === "string"){
if(func2(data80) > 1024){
const err245 = {instancePath:instancePath+"/plugins/" + i23+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
if(func2(data80) < 1){
const err246 = {instancePath:instancePath+"/plugins/" + i23+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
if(!pattern12.test(data80)){
const err247 = {instancePath:instancePath+"/plugins/" + i23+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
else {
const err248 = {instancePath:instancePath+"/plugins/" + i23+"/lockfile",schemaPath:"#/properties/plugins/items/properties/lockfile/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
}
if(data76.signedBy !== undefined){
let data81 = data76.signedBy;
if(typeof data81 === "string"){
if(func2(data81) > 63){
const err249 = {instancePath:instancePath+"/plugins/" + i23+"/signedBy",schemaPath:"#/properties/plugins/items/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
if(!pattern3.test(data81)){
const err250 = {instancePath:instancePath+"/plugins/" + i23+"/signedBy",schemaPath:"#/properties/plugins/items/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
else {
const err251 = {instancePath:instancePath+"/plugins/" + i23+"/signedBy",schemaPath:"#/properties/plugins/items/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
if(data76.name !== undefined){
if(data76.version === undefined){
const err252 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "name",
    missingProperty: "version",
    depsCount: 1,
    deps: "version"},message:"must have property version when property name is present"};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
if(data76.version !== undefined){
if(data76.name === undefined){
const err253 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "version",
    missingProperty: "name",
    depsCount: 1,
    deps: "name"},message:"must have property name when property version is present"};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
}
if(data76.integrity !== undefined){
if(data76.name === undefined){
const err254 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "integrity",
    missingProperty: "name",
    depsCount: 2,
    deps: "name, version"},message:"must have properties name, version when property integrity is present"};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
if(data76.version === undefined){
const err255 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/dependentRequired",keyword:"dependentRequired",params:{property: "integrity",
    missingProperty: "version",
    depsCount: 2,
    deps: "name, version"},message:"must have properties name, version when property integrity is present"};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
}
else {
const err256 = {instancePath:instancePath+"/plugins/" + i23,schemaPath:"#/properties/plugins/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
}
}
else {
const err257 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
}
if(data.apis !== undefined){
let data82 = data.apis;
if(Array.isArray(data82)){
if(data82.length > 50){
const err258 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
const len16 = data82.length;
for(let i24=0; i24<len16; i24++){
let data83 = data82[i24];
if(data83 && typeof data83 == "object" && !Array.isArray(data83)){
if(data83.name === undefined){
const err259 = {instancePath:instancePath+"/apis/" + i24,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
if(data83.descriptor === undefined){
const err260 = {instancePath:instancePath+"/apis/" + i24,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "descriptor"},message:"must have required property '"+"descriptor"+"'"};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
if(data83.signature === undefined){
const err261 = {instancePath:instancePath+"/apis/" + i24,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "signature"},message:"must have required property '"+"signature"+"'"};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
if(data83.dataClassifications === undefined){
const err262 = {instancePath:instancePath+"/apis/" + i24,schemaPath:"#/properties/apis/items/required",keyword:"required",params:{missingProperty: "dataClassifications"},message:"must have required property '"+"dataClassifications"+"'"};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
for(const key11 in data83){
if(!(((((key11 === "name") || (key11 === "descriptor")) || (key11 === "signature")) || (key11 === "dataClassifications")) || (key11 === "signedBy"))){
const err263 = {instancePath:instancePath+"/apis/" + i24,schemaPath:"#/properties/apis/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
if(data83.name !== undefined){
let data84 = data83.name;
if(typeof data84 === "string"){
if(func2(data84) > 63){
const err264 = {instancePath:instancePath+"/apis/" + i24+"/name",schemaPath:"#/properties/apis/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
if(!pattern3.test(data84)){
const err265 = {instancePath:instancePath+"/apis/" + i24+"/name",schemaPath:"#/properties/apis/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
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
const err266 = {instancePath:instancePath+"/apis/" + i24+"/name",schemaPath:"#/properties/apis/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
if(data83.descriptor !== undefined){
let data85 = data83.descriptor;
if(typeof data85 === "string"){
if(func2(data85) > 1024){
const err267 = {instancePath:instancePath+"/apis/" + i24+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
if(func2(data85) < 1){
const err268 = {instancePath:instancePath+"/apis/" + i24+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
if(!pattern12.test(data85)){
const err269 = {instancePath:instancePath+"/apis/" + i24+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
}
else {
const err270 = {instancePath:instancePath+"/apis/" + i24+"/descriptor",schemaPath:"#/properties/apis/items/properties/descriptor/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
}
if(data83.signature !== undefined){
let data86 = data83.signature;
if(typeof data86 === "string"){
if(func2(data86) > 1024){
const err271 = {instancePath:instancePath+"/apis/" + i24+"/signature",schemaPath:"#/properties/apis/items/properties/signature/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
if(func2(data86) < 1){
const err272 = {instancePath:instancePath+"/apis/" + i24+"/signature",schemaPath:"#/properties/apis/items/properties/signature/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
if(!pattern12.test(data86)){
const err273 = {instancePath:instancePath+"/apis/" + i24+"/signature",schemaPath:"#/properties/apis/items/properties/signature/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
}
else {
const err274 = {instancePath:instancePath+"/apis/" + i24+"/signature",schemaPath:"#/properties/apis/items/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
if(data83.dataClassifications !== undefined){
let data87 = data83.dataClassifications;
if(Array.isArray(data87)){
if(data87.length < 1){
const err275 = {instancePath:instancePath+"/apis/" + i24+"/dataClassifications",schemaPath:"#/properties/apis/items/properties/dataClassifications/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
const len17 = data87.length;
for(let i25=0; i25<len17; i25++){
let data88 = data87[i25];
if(!((((data88 === "public") || (data88 === "internal")) || (data88 === "confidential")) || (data88 === "restricted"))){
const err276 = {instancePath:instancePath+"/apis/" + i24+"/dataClassifications/" + i25,schemaPath:"#/properties/apis/items/properties/dataClassifications/items/enum",keyword:"enum",params:{allowedValues: schema19.properties.apis.items.properties.dataClassifications.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
}
let i26 = data87.length;
let j8;
if(i26 > 1){
outer0:
for(;i26--;){
for(j8 = i26; j8--;){
if(func0(data87[i26], data87[j8])){
const err277 = {instancePath:instancePath+"/apis/" + i24+"/dataClassifications",schemaPath:"#/properties/apis/items/properties/dataClassifications/uniqueItems",keyword:"uniqueItems",params:{i: i26, j: j8},message:"must NOT have duplicate items (items ## "+j8+" and "+i26+" are identical)"};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err278 = {instancePath:instancePath+"/apis/" + i24+"/dataClassifications",schemaPath:"#/properties/apis/items/properties/dataClassifications/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
}
if(data83.signedBy !== undefined){
let data89 = data83.signedBy;
if(typeof data89 === "string"){
if(func2(data89) > 63){
const err279 = {instancePath:instancePath+"/apis/" + i24+"/signedBy",schemaPath:"#/properties/apis/items/properties/signedBy/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters"};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
if(!pattern3.test(data89)){
const err280 = {instancePath:instancePath+"/apis/" + i24+"/signedBy",schemaPath:"#/properties/apis/items/properties/signedBy/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
}
else {
const err281 = {instancePath:instancePath+"/apis/" + i24+"/signedBy",schemaPath:"#/properties/apis/items/properties/signedBy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
}
}
else {
const err282 = {instancePath:instancePath+"/apis/" + i24,schemaPath:"#/properties/apis/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
}
}
else {
const err283 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
}
if(data.network !== undefined){
let data90 = data.network;
if(data90 && typeof data90 == "object" && !Array.isArray(data90)){
if(data90.egress === undefined){
const err284 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/required",keyword:"required",params:{missingProperty: "egress"},message:"must have required property '"+"egress"+"'"};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
for(const key12 in data90){
if(!(key12 === "egress")){
const err285 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
}
if(data90.egress !== undefined){
let data91 = data90.egress;
if(!((data91 === "firewall") || (data91 === "none"))){
const err286 = {instancePath:instancePath+"/network/egress",schemaPath:"#/properties/network/properties/egress/enum",keyword:"enum",params:{allowedValues: schema19.properties.network.properties.egress.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
}
}
else {
const err287 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
}
if(data.monitoring !== undefined){
let data92 = data.monitoring;
if(data92 && typeof data92 == "object" && !Array.isArray(data92)){
if(data92.logRetentionDays === undefined){
const err288 = {instancePath:instancePath+"/monitoring",schemaPath:"#/properties/monitoring/required",keyword:"required",params:{missingProperty: "logRetentionDays"},message:"must have required property '"+"logRetentionDays"+"'"};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
for(const key13 in data92){
if(!(((key13 === "logRetentionDays") || (key13 === "alarmEmail")) || (key13 === "alarmTopicArn"))){
const err289 = {instancePath:instancePath+"/monitoring",schemaPath:"#/properties/monitoring/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
}
if(data92.logRetentionDays !== undefined){
let data93 = data92.logRetentionDays;
if(!((((((((((((((((((((((data93 === 1) || (data93 === 3)) || (data93 === 5)) || (data93 === 7)) || (data93 === 14)) || (data93 === 30)) || (data93 === 60)) || (data93 === 90)) || (data93 === 120)) || (data93 === 150)) || (data93 === 180)) || (data93 === 365)) || (data93 === 400)) || (data93 === 545)) || (data93 === 731)) || (data93 === 1096)) || (data93 === 1827)) || (data93 === 2192)) || (data93 === 2557)) || (data93 === 2922)) || (data93 === 3288)) || (data93 === 3653))){
const err290 = {instancePath:instancePath+"/monitoring/logRetentionDays",schemaPath:"#/properties/monitoring/properties/logRetentionDays/enum",keyword:"enum",params:{allowedValues: schema19.properties.monitoring.properties.logRetentionDays.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
}
if(data92.alarmEmail !== undefined){
let data94 = data92.alarmEmail;
if(typeof data94 === "string"){
if(func2(data94) > 254){
const err291 = {instancePath:instancePath+"/monitoring/alarmEmail",schemaPath:"#/properties/monitoring/properties/alarmEmail/maxLength",keyword:"maxLength",params:{limit: 254},message:"must NOT have more than 254 characters"};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
if(!(formats0.test(data94))){
const err292 = {instancePath:instancePath+"/monitoring/alarmEmail",schemaPath:"#/properties/monitoring/properties/alarmEmail/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\""};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
}
else {
const err293 = {instancePath:instancePath+"/monitoring/alarmEmail",schemaPath:"#/properties/monitoring/properties/alarmEmail/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
}
if(data92.alarmTopicArn !== undefined){
let data95 = data92.alarmTopicArn;
if(typeof data95 === "string"){
if(!pattern27.test(data95)){
const err294 = {instancePath:instancePath+"/monitoring/alarmTopicArn",schemaPath:"#/properties/monitoring/properties/alarmTopicArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$"+"\""};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
}
else {
const err295 = {instancePath:instancePath+"/monitoring/alarmTopicArn",schemaPath:"#/properties/monitoring/properties/alarmTopicArn/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
}
}
else {
const err296 = {instancePath:instancePath+"/monitoring",schemaPath:"#/properties/monitoring/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
}
if(data.attestations !== undefined){
let data96 = data.attestations;
if(typeof data96 === "string"){
if(func2(data96) > 1024){
const err297 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
}
if(func2(data96) < 1){
const err298 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
if(!pattern12.test(data96)){
const err299 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/pattern",keyword:"pattern",params:{pattern: "^[^\\\\\\u0000]+$"},message:"must match pattern \""+"^[^\\\\\\u0000]+$"+"\""};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
}
else {
const err300 = {instancePath:instancePath+"/attestations",schemaPath:"#/properties/attestations/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
}
if(data.paused !== undefined){
if(typeof data.paused !== "boolean"){
const err301 = {instancePath:instancePath+"/paused",schemaPath:"#/properties/paused/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
}
}
else {
const err302 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}
validate52.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const trustPolicy = validate53;
const schema20 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://agentfence.dev/schemas/trust-policy/v1.json","title":"agentfence trust policy","type":"object","additionalProperties":false,"required":["version","mode","trustedRoots","models","plugins","apis"],"$defs":{"authority":{"type":"object","additionalProperties":false,"required":["name"],"oneOf":[{"required":["keyless"]},{"required":["key"]},{"required":["certificate"]}],"dependentRequired":{"trustedRoot":["keyless"]},"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"keyless":{"type":"object","additionalProperties":false,"required":["issuer"],"oneOf":[{"required":["subject"]},{"required":["subjectRegExp"]}],"properties":{"issuer":{"type":"string","format":"uri","maxLength":1024},"subject":{"type":"string","minLength":1,"maxLength":1024},"subjectRegExp":{"type":"string","minLength":1,"maxLength":1024},"extensions":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"issuer":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryURI":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryRef":{"type":"string","minLength":1,"maxLength":1024},"sourceRepositoryDigest":{"type":"string","minLength":1,"maxLength":1024},"buildSignerURI":{"type":"string","minLength":1,"maxLength":1024},"buildConfigURI":{"type":"string","minLength":1,"maxLength":1024},"runnerEnvironment":{"type":"string","minLength":1,"maxLength":1024},"githubWorkflowRepository":{"type":"string","minLength":1,"maxLength":1024},"githubWorkflowRef":{"type":"string","minLength":1,"maxLength":1024}}}}},"key":{"type":"object","additionalProperties":false,"required":["publicKey"],"properties":{"publicKey":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}},"certificate":{"type":"object","additionalProperties":false,"required":["chain"],"properties":{"chain":{"type":"array","minItems":1,"maxItems":10,"items":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}}},"trustedRoot":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63}}}},"properties":{"version":{"const":1},"mode":{"enum":["enforce","warn"]},"trustedRoots":{"type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["name","source"],"properties":{"name":{"type":"string","description":"a kebab-case name (a-z, 0-9, -)","pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","maxLength":63},"source":{"oneOf":[{"const":"public-good"},{"type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"type":"string","description":"a relative path with forward slashes","pattern":"^[^\\\\\\u0000]+$","minLength":1,"maxLength":1024}}}]}}}},"models":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}},"hosted":{"type":"array","uniqueItems":true,"maxItems":200,"items":{"type":"string","minLength":1,"maxLength":256}}}},"plugins":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}},"requireProvenance":{"type":"boolean"},"registryKeys":{"type":"array","maxItems":50,"items":{"type":"object","additionalProperties":false,"required":["keyid","key"],"properties":{"keyid":{"type":"string","minLength":1,"maxLength":256},"key":{"type":"string","description":"base64 SPKI DER","pattern":"^[A-Za-z0-9+/]+={0,2}$","maxLength":8192},"keytype":{"type":"string","minLength":1,"maxLength":64},"scheme":{"type":"string","minLength":1,"maxLength":64},"expires":{"oneOf":[{"type":"null"},{"type":"string","format":"date-time"}]}}}}}},"apis":{"type":"object","additionalProperties":false,"required":["authorities"],"properties":{"authorities":{"type":"array","maxItems":100,"items":{"$ref":"#/$defs/authority"}}}}}};
const pattern35 = new RegExp("^[A-Za-z0-9+/]+={0,2}$", "u");
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
if(!pattern12.test(data16)){
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
if(!pattern12.test(data19)){
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
if(!((((((key0 === "version") || (key0 === "mode")) || (key0 === "trustedRoots")) || (key0 === "models")) || (key0 === "plugins")) || (key0 === "apis"))){
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
if(!pattern12.test(data6)){
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
if(!((key3 === "authorities") || (key3 === "hosted"))){
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
}
else {
const err37 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.plugins !== undefined){
let data12 = data.plugins;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.authorities === undefined){
const err38 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/required",keyword:"required",params:{missingProperty: "authorities"},message:"must have required property '"+"authorities"+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
for(const key4 in data12){
if(!(((key4 === "authorities") || (key4 === "requireProvenance")) || (key4 === "registryKeys"))){
const err39 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data12.authorities !== undefined){
let data13 = data12.authorities;
if(Array.isArray(data13)){
if(data13.length > 100){
const err40 = {instancePath:instancePath+"/plugins/authorities",schemaPath:"#/properties/plugins/properties/authorities/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
const len3 = data13.length;
for(let i4=0; i4<len3; i4++){
if(!(validate54(data13[i4], {instancePath:instancePath+"/plugins/authorities/" + i4,parentData:data13,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
const err41 = {instancePath:instancePath+"/plugins/authorities",schemaPath:"#/properties/plugins/properties/authorities/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data12.requireProvenance !== undefined){
if(typeof data12.requireProvenance !== "boolean"){
const err42 = {instancePath:instancePath+"/plugins/requireProvenance",schemaPath:"#/properties/plugins/properties/requireProvenance/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data12.registryKeys !== undefined){
let data16 = data12.registryKeys;
if(Array.isArray(data16)){
if(data16.length > 50){
const err43 = {instancePath:instancePath+"/plugins/registryKeys",schemaPath:"#/properties/plugins/properties/registryKeys/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
const len4 = data16.length;
for(let i5=0; i5<len4; i5++){
let data17 = data16[i5];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.keyid === undefined){
const err44 = {instancePath:instancePath+"/plugins/registryKeys/" + i5,schemaPath:"#/properties/plugins/properties/registryKeys/items/required",keyword:"required",params:{missingProperty: "keyid"},message:"must have required property '"+"keyid"+"'"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data17.key === undefined){
const err45 = {instancePath:instancePath+"/plugins/registryKeys/" + i5,schemaPath:"#/properties/plugins/properties/registryKeys/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
for(const key5 in data17){
if(!(((((key5 === "keyid") || (key5 === "key")) || (key5 === "keytype")) || (key5 === "scheme")) || (key5 === "expires"))){
const err46 = {instancePath:instancePath+"/plugins/registryKeys/" + i5,schemaPath:"#/properties/plugins/properties/registryKeys/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data17.keyid !== undefined){
let data18 = data17.keyid;
if(typeof data18 === "string"){
if(func2(data18) > 256){
const err47 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/keyid",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keyid/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(func2(data18) < 1){
const err48 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/keyid",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keyid/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
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
const err49 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/keyid",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keyid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data17.key !== undefined){
let data19 = data17.key;
if(typeof data19 === "string"){
if(func2(data19) > 8192){
const err50 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/key",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/key/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(!pattern35.test(data19)){
const err51 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/key",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/key/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9+/]+={0,2}$"},message:"must match pattern \""+"^[A-Za-z0-9+/]+={0,2}$"+"\""};
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
const err52 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/key",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data17.keytype !== undefined){
let data20 = data17.keytype;
if(typeof data20 === "string"){
if(func2(data20) > 64){
const err53 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/keytype",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keytype/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(func2(data20) < 1){
const err54 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/keytype",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keytype/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/keytype",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/keytype/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data17.scheme !== undefined){
let data21 = data17.scheme;
if(typeof data21 === "string"){
if(func2(data21) > 64){
const err56 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/scheme",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/scheme/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(func2(data21) < 1){
const err57 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/scheme",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/scheme/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
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
const err58 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/scheme",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/scheme/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data17.expires !== undefined){
let data22 = data17.expires;
const _errs51 = errors;
let valid18 = false;
let passing1 = null;
const _errs52 = errors;
if(data22 !== null){
const err59 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
var _valid1 = _errs52 === errors;
if(_valid1){
valid18 = true;
passing1 = 0;
}
const _errs54 = errors;
if(typeof data22 === "string"){
if(!(formats6.validate(data22))){
const err60 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf/1/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
var _valid1 = _errs54 === errors;
if(_valid1 && valid18){
valid18 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid18 = true;
passing1 = 1;
}
}
if(!valid18){
const err62 = {instancePath:instancePath+"/plugins/registryKeys/" + i5+"/expires",schemaPath:"#/properties/plugins/properties/registryKeys/items/properties/expires/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
else {
errors = _errs51;
if(vErrors !== null){
if(_errs51){
vErrors.length = _errs51;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err63 = {instancePath:instancePath+"/plugins/registryKeys/" + i5,schemaPath:"#/properties/plugins/properties/registryKeys/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/plugins/registryKeys",schemaPath:"#/properties/plugins/properties/registryKeys/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/plugins",schemaPath:"#/properties/plugins/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.apis !== undefined){
let data23 = data.apis;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.authorities === undefined){
const err66 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/required",keyword:"required",params:{missingProperty: "authorities"},message:"must have required property '"+"authorities"+"'"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
for(const key6 in data23){
if(!(key6 === "authorities")){
const err67 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data23.authorities !== undefined){
let data24 = data23.authorities;
if(Array.isArray(data24)){
if(data24.length > 100){
const err68 = {instancePath:instancePath+"/apis/authorities",schemaPath:"#/properties/apis/properties/authorities/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
const len5 = data24.length;
for(let i6=0; i6<len5; i6++){
if(!(validate54(data24[i6], {instancePath:instancePath+"/apis/authorities/" + i6,parentData:data24,parentDataProperty:i6,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
const err69 = {instancePath:instancePath+"/apis/authorities",schemaPath:"#/properties/apis/properties/authorities/type",keyword:"type",params:{type: "array"},message:"must be array"};
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
const err70 = {instancePath:instancePath+"/apis",schemaPath:"#/properties/apis/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

