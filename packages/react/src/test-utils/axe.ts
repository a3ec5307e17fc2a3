// axe-core's violations as readable lines, for the accessibility check each state's test makes.
import { act } from '@testing-library/react';
import axe from 'axe-core';

/** Runs axe inside act(): an answer that lands while axe works (a confirm, a widget) updates the tree. */
export async function axeViolations(context: Element): Promise<string[]> {
  let found: string[] = [];
  await act(async () => {
    const results = await axe.run(context, { resultTypes: ['violations'] });
    found = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
  });
  return found;
}
