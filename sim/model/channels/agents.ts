/** What an agent is doing, besides chats (`level`) and a message (`message`). */
export const Task = {
  /** No call: idle, or serving chats, or working a message. */
  None: 0,
  /** On a voice call. */
  Call: 1,
  /** Placing a callback. */
  Callback: 2,
} as const;

/** Duty of an agent. */
export const Duty = {
  Off: 0,
  /** On the phones (or chats), taking new contacts. */
  On: 1,
  /** Must log off: finishes what it has, takes nothing new. */
  Leaving: 2,
} as const;

/**
 * The agents of every group as parallel typed arrays (a group's agents hold
 * consecutive numbers), with, per group, the agents free for new work in
 * doubly linked lists by level (the chats they serve: level 0 is idle), each
 * list in the order agents reached it (so its head is the agent idle, or at its
 * level, the longest), and the idle agents of a group serving messages who work
 * none in a second list. An agent is in its level's list when it is on duty,
 * not on a call and below its group's concurrency (level 0 only, for a group
 * without chat). Nothing here decides who serves what: `routing.ts` does.
 *
 * @example
 * const board = new AgentBoard([{ size: 2, levels: 3, messages: false }]);
 * board.activate(0, 0); // agent 0 on duty, idle since 0
 * board.listHead(0, 0); // => 0
 */
export class AgentBoard {
  /** Group of each agent. */
  readonly group: Int32Array;
  readonly duty: Uint8Array;
  readonly task: Uint8Array;
  /** Chats served now. */
  readonly level: Int32Array;
  /** The slot of the call or callback served, or -1. */
  readonly contact: Int32Array;
  /** The slot of the message worked, or -1. */
  readonly message: Int32Array;
  /** When the message's current stretch of work started, seconds. */
  readonly messageStart: Float64Array;
  /** When the agent entered its current list (its time idle, or at its level), seconds. */
  readonly since: Float64Array;
  /** Chat work done at `vt` by the agent's clock of chat progress (see `chat.ts`), seconds. */
  readonly virtual: Float64Array;
  readonly vt: Float64Array;
  /** The chats served: `chats[a * maxLevel + j]`, j < level. */
  readonly chats: Int32Array;
  /** Most chats any agent serves (the largest group concurrency, at least 1). */
  readonly maxLevel: number;
  /** First agent of each group, and one past the last group. */
  readonly first: Int32Array;
  /** Lists per group and level: `g * lists + level`. */
  readonly lists: number;
  readonly listHeadOf: Int32Array;
  readonly listTailOf: Int32Array;
  readonly listSize: Int32Array;
  /** The list an agent is in (`g * lists + level`), or -1. */
  readonly inList: Int32Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** Idle agents working no message, per group (groups serving messages). */
  readonly freeHead: Int32Array;
  readonly freeTail: Int32Array;
  readonly freeSize: Int32Array;
  readonly inFree: Uint8Array;
  private readonly freePrev: Int32Array;
  private readonly freeNext: Int32Array;
  /** Whether each group serves messages. */
  private readonly messages: Uint8Array;
  /** Off-duty agents of each group, a stack (`offStack[first[g] + k]`, k < offCount[g]). */
  private readonly offStack: Int32Array;
  readonly offCount: Int32Array;

  /**
   * @param groups per group: agents to hold (its most on duty at once), its
   *   levels (its chat concurrency, 0 without chat) and whether it serves messages
   */
  constructor(groups: readonly { size: number; levels: number; messages: boolean }[]) {
    const G = groups.length;
    const total = groups.reduce((s, g) => s + g.size, 0);
    this.maxLevel = Math.max(1, ...groups.map((g) => g.levels));
    this.lists = this.maxLevel;
    this.group = new Int32Array(total);
    this.duty = new Uint8Array(total);
    this.task = new Uint8Array(total);
    this.level = new Int32Array(total);
    this.contact = new Int32Array(total).fill(-1);
    this.message = new Int32Array(total).fill(-1);
    this.messageStart = new Float64Array(total);
    this.since = new Float64Array(total);
    this.virtual = new Float64Array(total);
    this.vt = new Float64Array(total);
    this.chats = new Int32Array(total * this.maxLevel);
    this.first = new Int32Array(G + 1);
    this.listHeadOf = new Int32Array(G * this.lists).fill(-1);
    this.listTailOf = new Int32Array(G * this.lists).fill(-1);
    this.listSize = new Int32Array(G * this.lists);
    this.inList = new Int32Array(total).fill(-1);
    this.prev = new Int32Array(total).fill(-1);
    this.next = new Int32Array(total).fill(-1);
    this.freeHead = new Int32Array(G).fill(-1);
    this.freeTail = new Int32Array(G).fill(-1);
    this.freeSize = new Int32Array(G);
    this.inFree = new Uint8Array(total);
    this.freePrev = new Int32Array(total).fill(-1);
    this.freeNext = new Int32Array(total).fill(-1);
    this.messages = Uint8Array.from(groups, (g) => (g.messages ? 1 : 0));
    this.offStack = new Int32Array(total);
    this.offCount = new Int32Array(G);
    let a = 0;
    groups.forEach((g, gi) => {
      this.first[gi] = a;
      // Off duty, the lowest numbers on top of the stack.
      for (let k = 0; k < g.size; k++) {
        this.group[a + k] = gi;
        this.offStack[a + k] = a + g.size - 1 - k;
      }
      this.offCount[gi] = g.size;
      a += g.size;
    });
    this.first[G] = a;
  }

  /** The head of a group's list at a level (the agent there the longest), or -1. */
  listHead(g: number, level: number): number {
    return this.listHeadOf[g * this.lists + level] as number;
  }

  /** Agents in a group's list at a level. */
  listCount(g: number, level: number): number {
    return this.listSize[g * this.lists + level] as number;
  }

  /** Put an agent at the tail of its group's list for `level`, since `now`. */
  enlist(a: number, level: number, now: number): void {
    const list = (this.group[a] as number) * this.lists + level;
    const tail = this.listTailOf[list] as number;
    this.prev[a] = tail;
    this.next[a] = -1;
    if (tail >= 0) this.next[tail] = a;
    else this.listHeadOf[list] = a;
    this.listTailOf[list] = a;
    this.listSize[list]!++;
    this.inList[a] = list;
    this.since[a] = now;
  }

  /** Take an agent out of its list (nothing when it is in none). */
  delist(a: number): void {
    const list = this.inList[a] as number;
    if (list < 0) return;
    const p = this.prev[a] as number;
    const n = this.next[a] as number;
    if (p >= 0) this.next[p] = n;
    else this.listHeadOf[list] = n;
    if (n >= 0) this.prev[n] = p;
    else this.listTailOf[list] = p;
    this.listSize[list]!--;
    this.inList[a] = -1;
  }

  /** Put an idle agent of a group serving messages in its group's list of agents free for a message. */
  enlistFree(a: number): void {
    const g = this.group[a] as number;
    if (this.messages[g] === 0 || this.inFree[a] === 1) return;
    const tail = this.freeTail[g] as number;
    this.freePrev[a] = tail;
    this.freeNext[a] = -1;
    if (tail >= 0) this.freeNext[tail] = a;
    else this.freeHead[g] = a;
    this.freeTail[g] = a;
    this.freeSize[g]!++;
    this.inFree[a] = 1;
  }

  /** Take an agent out of the list of agents free for a message (nothing when it is not in it). */
  delistFree(a: number): void {
    if (this.inFree[a] === 0) return;
    const g = this.group[a] as number;
    const p = this.freePrev[a] as number;
    const n = this.freeNext[a] as number;
    if (p >= 0) this.freeNext[p] = n;
    else this.freeHead[g] = n;
    if (n >= 0) this.freePrev[n] = p;
    else this.freeTail[g] = p;
    this.freeSize[g]!--;
    this.inFree[a] = 0;
  }

  /** An off-duty agent of the group comes on duty, idle since `now` (its number), or -1 when none is left. */
  activate(g: number, now: number): number {
    if (this.offCount[g] === 0) return -1;
    const a = this.offStack[(this.first[g] as number) + --this.offCount[g]!] as number;
    this.duty[a] = Duty.On;
    this.level[a] = 0;
    this.task[a] = Task.None;
    this.enlist(a, 0, now);
    this.enlistFree(a);
    return a;
  }

  /** An idle agent goes off duty (out of every list). */
  deactivate(a: number): void {
    const g = this.group[a] as number;
    this.delist(a);
    this.delistFree(a);
    this.duty[a] = Duty.Off;
    this.offStack[(this.first[g] as number) + this.offCount[g]!++] = a;
  }

  /** The list of the agent's tail at the given level (for dropping the most recently idle first). */
  listTail(g: number, level: number): number {
    return this.listTailOf[g * this.lists + level] as number;
  }
}
