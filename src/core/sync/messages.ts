/** Report messages that both the planner and the executor give. */
import type { ItemWarning } from '../model/items';

/** Report line of an item whose task was found deleted in the task app. */
export const DETACHED_LINE = 'its task was deleted in the task app; it is not re-created unless the item changes';

/** Warning for a task found deleted in the task app. */
export const TASK_DELETED_WARNING = 'The task was deleted in the task app.';

export const ITEM_WARNING_MESSAGES: Readonly<Record<ItemWarning, string>> = {
  owner_missing: 'No owner: the task says so; add a 负责人 to the minutes.',
  vague_deadline: 'The deadline is vague; the task has no due date.',
  past_due: 'The deadline is before the meeting date.',
  deadline_missing: 'No deadline: the task says so; add a 完成时限 to the minutes.',
  relative_to_event: 'The deadline depends on an event; check the date.',
  ambiguous_next_weekday: '"Next <weekday>" is ambiguous; check the date.',
  conflicting_dates: 'The item names several dates; check the due date.',
};
