import type { ProcessRole, Role } from '../contract/enums';
import type { Database } from '../db/client';
import { userRoles, users } from '../db/schema';
import type { Actor } from '../modules/auth';
import { personalId, personName, type Random } from './dossier-people';

/*
 * Who acts on the demo dossiers: the demo accounts of Sở Tư pháp (tiepnhan, truongphong, chuyenvien, lanhdao) where
 * their grants reach, and for every other unit a demo staff account made when first needed (`canbo001`…, the demo
 * password), holding the role over that unit — real user rows, so every event, assignment and audit names a person.
 */

export type UnitIndex = Map<string, { id: string; path: string; name: string }>;

const STEP_ROLES: Record<ProcessRole, Role[]> = {
  desk_officer: ['desk_officer'],
  specialist: ['specialist'],
  division_head: ['division_head'],
  unit_leader: ['unit_leader'],
  // Like src/modules/dossiers/policy.ts holdsStepRole: the clerk's step belongs to the unit's leader and desk.
  clerk: ['unit_leader', 'desk_officer'],
};

const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

export class DemoStaff {
  private readonly pool: Actor[];
  private readonly made: { username: string; fullName: string; role: Role; unitName: string }[] = [];

  constructor(
    private readonly db: Database,
    private readonly units: UnitIndex,
    private readonly passwordHash: string,
    private readonly random: Random,
    existing: Actor[],
  ) {
    this.pool = [...existing];
  }

  get unitIndex(): UnitIndex {
    return this.units;
  }

  /** The staff accounts made for the demo dossiers (printed nowhere; the README tells the naming). */
  get accounts() {
    return this.made;
  }

  /** Someone holding `role` over the unit `unitCode` (a step's holder), made if nobody does yet. */
  async holder(role: ProcessRole, unitCode: string): Promise<Actor> {
    const unit = this.unitOf(unitCode);
    const wanted = STEP_ROLES[role];
    const found = this.pool.find((actor) =>
      actor.roles.some((held) => wanted.includes(held.role) && held.unitPath !== null && related(held.unitPath, unit.path)),
    );
    return found ?? this.make(wanted[0]!, unitCode);
  }

  /** An account already in the pool (a step's assignee). */
  byId(userId: string): Actor {
    const actor = this.pool.find((held) => held.userId === userId);
    if (!actor) throw new Error(`Demo dossiers: no demo actor ${userId}`);
    return actor;
  }

  /** A desk officer over the desk or unit (receipt, return, stop, resume). */
  desk(unitCode: string): Promise<Actor> {
    return this.holder('desk_officer', unitCode);
  }

  /** The leader over the handling unit (refusal after acceptance, apology). */
  async leader(unitCode: string): Promise<Actor> {
    const unit = this.unitOf(unitCode);
    const found = this.pool.find((actor) =>
      actor.roles.some((held) => held.role === 'unit_leader' && held.unitPath !== null && related(held.unitPath, unit.path)),
    );
    return found ?? this.make('unit_leader', unitCode);
  }

  private unitOf(code: string) {
    const unit = this.units.get(code);
    if (!unit) throw new Error(`Demo dossiers: no unit ${code}`);
    return unit;
  }

  private async make(role: Role, unitCode: string): Promise<Actor> {
    const unit = this.unitOf(unitCode);
    const username = `canbo${String(this.made.length + 1).padStart(3, '0')}`;
    const fullName = personName(this.random);
    const [user] = await this.db
      .insert(users)
      .values({ username, fullName, passwordHash: this.passwordHash, personalId: personalId(this.random) })
      .returning({ id: users.id });
    await this.db.insert(userRoles).values({ userId: user!.id, role, unitId: unit.id });
    const actor: Actor = {
      userId: user!.id,
      username,
      fullName,
      roles: [{ role, unitId: unit.id, unitPath: unit.path, unitName: unit.name }],
    };
    this.pool.push(actor);
    this.made.push({ username, fullName, role, unitName: unit.name });
    return actor;
  }
}

export type OnlineApplicant = { actor: Actor; kind: 'individual' | 'organization'; idNumber: string };

/** Citizens and businesses who file online: the demo's `congdan` and `doanhnghiep`, and a few more like them. */
export async function onlineApplicants(
  db: Database,
  passwordHash: string,
  random: Random,
  existing: OnlineApplicant[],
  count: number,
): Promise<OnlineApplicant[]> {
  const people = [...existing];
  for (let index = 1; index <= count; index++) {
    const username = `congdan${String(index).padStart(3, '0')}`;
    const fullName = personName(random);
    const id = personalId(random);
    const [user] = await db.insert(users).values({ username, fullName, passwordHash, personalId: id }).returning({ id: users.id });
    await db.insert(userRoles).values({ userId: user!.id, role: 'citizen', unitId: null });
    people.push({
      actor: { userId: user!.id, username, fullName, roles: [{ role: 'citizen', unitId: null, unitPath: null, unitName: null }] },
      kind: 'individual',
      idNumber: id,
    });
  }
  return people;
}
