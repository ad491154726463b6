import { describe, expect, it } from 'vitest';
import { networks } from '../../../test/fixtures';
import { charterFromTemplate, TEMPLATES } from './index';

/** The structure of a value: keys and list lengths, with every scalar alike. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  }
  return 'scalar';
}

describe('starter templates', () => {
  it('French and English have the same shape', () => {
    expect(shape(TEMPLATES.fr)).toEqual(shape(TEMPLATES.en));
  });

  it('cover what the domain asks for', () => {
    for (const template of Object.values(TEMPLATES)) {
      expect(template.faq.length).toBeGreaterThanOrEqual(6);
      expect(template.principles).toHaveLength(10);
      expect(template.crisis.levels).toHaveLength(3);
      expect(template.responseProtocol.length).toBeGreaterThanOrEqual(7);
      // Inflammatory comments right away, press and prospects before the rest.
      expect(template.responseProtocol.some((rule) => rule.priority === 'immediate')).toBe(true);
      // Every scenario is on one of the plan's levels.
      const levels = new Set(template.crisis.levels.map((level) => level.name));
      for (const scenario of template.crisis.scenarios) expect(levels).toContain(scenario.level);
      for (const kind of ['instagram', 'facebook', 'linkedin', 'x'] as const) {
        expect(template.guidelines[kind]).toBeDefined();
        expect(template.moderation[kind]).toBeDefined();
      }
    }
  });

  it('the French template addresses the audience with "vous"', () => {
    expect(TEMPLATES.fr.editorialLine.address).toBe('vous');
    expect(JSON.stringify(TEMPLATES.fr)).not.toMatch(/\b(tu|ton|ta|tes|toi)\b/i);
  });

  it('gives each network one guideline and one moderation charter by kind', () => {
    const charter = charterFromTemplate(TEMPLATES.en, networks);
    expect(charter.guidelines.map((g) => g.networkId)).toEqual(['net-x', 'net-li', 'net-blog']);
    expect(charter.guidelines[0].maxHashtags).toBe(TEMPLATES.en.guidelines.x!.maxHashtags);
    expect(charter.guidelines[2].purpose).toBe(TEMPLATES.en.guidelines.other.purpose);
    expect(charter.moderation.map((m) => m.networkId)).toEqual(['net-x', 'net-li', 'net-blog']);
    // The template itself is not shared with the charter built from it.
    charter.keywords[0].term = 'changed';
    expect(TEMPLATES.en.keywords[0].term).not.toBe('changed');
  });
});
