import { eq, inArray } from 'drizzle-orm';
import type { ProposalSigning } from '../../contract/reform-proposals';
import { resolveIssuingBody, type TreeUnit } from '../../core/documents/issuing-body';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { settings } from '../../db/schema/settings';
import { getUnitById } from '../org';
import { abbreviateUnit } from './documents/format';
import type { ProposalSigner } from './documents/types';

/**
 * How a submitted proposal is signed, and who decides on it: both follow from the unit's place in the tree
 * (issuing-body.ts) and, for the signing, from what the submitting leader chose.
 *
 * The choice is stored in the settings table under a key of the reform module, one per proposal
 * (`reform.proposal-signing.<id>`), written in the submission's transaction: accounts carry no position (chức vụ),
 * so the leader who submits says how they sign.
 */
export type SigningChoice = { form: ProposalSigning['form']; title: string | null };

const signingKey = (proposalId: string) => `reform.proposal-signing.${proposalId}`;

/** Records the signing of a submission; without a choice the head signs (the default) and any earlier choice goes. */
export async function saveSigningChoice(executor: Executor, proposalId: string, signing: ProposalSigning | undefined): Promise<void> {
  const key = signingKey(proposalId);
  if (!signing) {
    await executor.delete(settings).where(eq(settings.key, key));
    return;
  }
  const value: SigningChoice = { form: signing.form, title: signing.title ? signing.title.normalize('NFC').replace(/\s+/g, ' ') : null };
  await executor
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

export async function loadSigningChoice(executor: Executor, proposalId: string): Promise<SigningChoice | null> {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, signingKey(proposalId)));
  const value = row?.value as Partial<SigningChoice> | undefined;
  if (!value || (value.form !== 'head' && value.form !== 'deputy' && value.form !== 'acting')) return null;
  return { form: value.form, title: typeof value.title === 'string' ? value.title : null };
}

/**
 * The signature block: the unit kind's titles (issuing-body.ts), with the form and title the leader chose. The
 * title chosen is the signer's own: the deputy's under "KT.", the head's for the head and "Q.".
 */
export function applySigningChoice(signer: Omit<ProposalSigner, 'name'>, choice: SigningChoice | null): Omit<ProposalSigner, 'name'> {
  if (!choice) return signer;
  const title = choice.title?.toLocaleUpperCase('vi-VN') ?? null;
  if (choice.form === 'deputy') return { ...signer, form: 'deputy', deputyTitle: title ?? signer.deputyTitle };
  return { ...signer, form: choice.form, headTitle: title ?? signer.headTitle };
}

/** The unit and its ancestors (the path holds their ids from the root down), nearest first. */
export async function loadUnitChain(executor: Executor, unitId: string): Promise<TreeUnit[]> {
  const unit = await getUnitById(executor, unitId);
  const ancestorIds = unit.path.split('/').filter((id) => id !== '' && id !== unit.id);
  const rows = ancestorIds.length ? await executor.select().from(units).where(inArray(units.id, ancestorIds)) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ancestors = ancestorIds
    .reverse()
    .map((id) => byId.get(id))
    .filter((row) => row !== undefined);
  return [unit, ...ancestors].map((row) => ({ name: row.name, shortName: row.shortName, type: row.type }));
}

/** The central body deciding on the proposals of `unitId` when it is (or is inside) a central vertical agency; else null. */
export async function loadCentralDecider(executor: Executor, unitId: string): Promise<string | null> {
  const [unit, ...ancestors] = (await loadUnitChain(executor, unitId)) as [TreeUnit, ...TreeUnit[]];
  return resolveIssuingBody(unit, ancestors, '', abbreviateUnit).centralDecider;
}
