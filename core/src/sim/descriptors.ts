// Bounds on the caller-given name, title, description, author and tags, so metadata.json stays small (< 5 KB) whatever is sent.
import { SimError } from './errors';
import type { ArtifactOptions } from './operations';

/** Bytes of each field as it is written into metadata.json (JSON-encoded, UTF-8), quotes included. */
export const DESCRIPTOR_LIMITS = { name: 160, title: 200, description: 800, author: 120, tag: 48, tags: 12 } as const;

function encodedBytes(value: string): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function checkText(field: 'name' | 'title' | 'description' | 'author', value: string | undefined, problems: string[]): void {
  if (value === undefined) return;
  const bytes = encodedBytes(value);
  if (bytes > DESCRIPTOR_LIMITS[field]) problems.push(`${field} is too long: ${bytes} bytes as JSON (at most ${DESCRIPTOR_LIMITS[field]})`);
}

/** Refuses, before anything is written, descriptors that would bloat metadata.json; lists every problem at once. */
export function checkDescriptors(req: Pick<ArtifactOptions, 'name' | 'title' | 'description' | 'author' | 'tags'>): void {
  const problems: string[] = [];
  // The name is part of the default title (`<template title> (<name>)`), so it is bounded too.
  checkText('name', req.name, problems);
  checkText('title', req.title, problems);
  checkText('description', req.description, problems);
  checkText('author', req.author, problems);
  const tags = req.tags ?? [];
  if (tags.length > DESCRIPTOR_LIMITS.tags) problems.push(`too many tags: ${tags.length} (at most ${DESCRIPTOR_LIMITS.tags})`);
  tags.forEach((tag, i) => {
    const bytes = encodedBytes(tag);
    if (bytes > DESCRIPTOR_LIMITS.tag) problems.push(`tag ${i + 1} is too long: ${bytes} bytes as JSON (at most ${DESCRIPTOR_LIMITS.tag})`);
  });
  if (problems.length > 0) throw new SimError('invalid-request', `${problems.join('; ')}; nothing was written`);
}
