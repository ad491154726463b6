// Starter charters: a complete first draft the community manager adapts,
// rather than eleven blank sections. Network-specific parts are written per
// network kind and given to each network of the workspace.
import type { BannedTerm } from '../../bindings/BannedTerm';
import type { Charter } from '../../bindings/Charter';
import type { CrisisPlan } from '../../bindings/CrisisPlan';
import type { EditorialLine } from '../../bindings/EditorialLine';
import type { FaqEntry } from '../../bindings/FaqEntry';
import type { Identity } from '../../bindings/Identity';
import type { Keyword } from '../../bindings/Keyword';
import type { ModerationCharter } from '../../bindings/ModerationCharter';
import type { Network } from '../../bindings/Network';
import type { NetworkGuideline } from '../../bindings/NetworkGuideline';
import type { NetworkKind } from '../../bindings/NetworkKind';
import type { Objective } from '../../bindings/Objective';
import type { Principle } from '../../bindings/Principle';
import type { ResponseRule } from '../../bindings/ResponseRule';
import type { CharterLanguage } from '../../bindings/CharterLanguage';
import { templateEn } from './en';
import { templateFr } from './fr';

export type GuidelineTemplate = Omit<NetworkGuideline, 'networkId'>;
export type ModerationTemplate = Omit<ModerationCharter, 'networkId'>;

export type CharterTemplate = {
  identity: Identity;
  keywords: Keyword[];
  bannedTerms: BannedTerm[];
  objectives: Objective[];
  faq: FaqEntry[];
  editorialLine: EditorialLine;
  /** Per network kind; `other` serves every kind without its own entry. */
  guidelines: Partial<Record<NetworkKind, GuidelineTemplate>> & { other: GuidelineTemplate };
  moderation: Partial<Record<NetworkKind, ModerationTemplate>> & { other: ModerationTemplate };
  responseProtocol: ResponseRule[];
  crisis: CrisisPlan;
  principles: Principle[];
};

export const TEMPLATES: Record<CharterLanguage, CharterTemplate> = { fr: templateFr, en: templateEn };

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The template as a charter for these networks (one guideline and one moderation charter each). */
export function charterFromTemplate(template: CharterTemplate, networks: readonly Network[]): Charter {
  const t = clone(template);
  return {
    identity: t.identity,
    keywords: t.keywords,
    bannedTerms: t.bannedTerms,
    objectives: t.objectives,
    faq: t.faq,
    editorialLine: t.editorialLine,
    guidelines: networks.map((network) => ({
      networkId: network.id,
      ...clone(t.guidelines[network.kind] ?? t.guidelines.other),
    })),
    moderation: networks.map((network) => ({
      networkId: network.id,
      ...clone(t.moderation[network.kind] ?? t.moderation.other),
    })),
    responseProtocol: t.responseProtocol,
    crisis: t.crisis,
    principles: t.principles,
  };
}
