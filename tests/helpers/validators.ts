// Real validators from npm: html-validate with the project's configuration, and libxml2's
// xmllint (compiled to WebAssembly) for well-formedness and XML Schema validation.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parse } from 'parse5';
import convert from 'xml-js';
import { validateXML } from 'xmllint-wasm';
import { PROJECT_ROOT } from './paths.ts';

export const SCHEMAS_DIR = path.join(PROJECT_ROOT, 'tests/fixtures/site/schemas');

let validator: HtmlValidate | undefined;

/** html-validate's errors for one page, as `line:column message (rule)` strings. */
export async function htmlValidationErrors(html: string, name: string): Promise<string[]> {
  if (!validator) {
    const config = JSON.parse(await readFile(path.join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    validator = new HtmlValidate({ ...config, root: true });
  }
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.filter((message) => message.severity === 2).map((message) => `${message.line}:${message.column} ${message.message} (${message.ruleId})`),
  );
}

/**
 * The HTML spec's parse errors in a page, as `line:column code` strings, from parse5 (a parser
 * that follows the spec). html-validate checks the document, not the input stream: it does not
 * report C1 control characters or noncharacters ("control-character-in-input-stream",
 * "noncharacter-in-input-stream"), which the spec makes parse errors.
 */
export function htmlParseErrors(html: string): string[] {
  const errors: string[] = [];
  parse(html, { onParseError: (error) => errors.push(`${error.startLine}:${error.startCol} ${error.code}`) });
  return errors;
}

/** xmllint's messages for a document against a schema in tests/fixtures/site/schemas (empty when valid). */
export async function xmlSchemaErrors(xml: string, schemaFile: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: schemaFile, contents: await readFile(path.join(SCHEMAS_DIR, schemaFile), 'utf8') }],
  });
  return result.errors.map((error) => error.message);
}

/** Parses XML strictly (xml-js on sax): throws on any well-formedness error. */
export function parseXml(xml: string): convert.Element {
  return convert.xml2js(xml, { compact: false, alwaysArray: true }) as convert.Element;
}

/** Child elements named `name` of an element. */
export function childElements(element: convert.Element, name: string): convert.Element[] {
  return (element.elements ?? []).filter((child) => child.type === 'element' && child.name === name);
}

/** The text of an element (text and CDATA children joined). */
export function textOf(element: convert.Element | undefined): string {
  return (element?.elements ?? []).map((child) => (child.type === 'text' ? String(child.text) : child.type === 'cdata' ? String(child.cdata) : '')).join('');
}

/** xmllint's well-formedness errors for a document (empty when it parses). */
export async function xmlWellFormednessErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], normalization: 'format' });
  return result.errors.map((error) => error.message);
}
