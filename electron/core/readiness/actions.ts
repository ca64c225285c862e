/**
 * The moments a letter is checked before it leaves the desk. Each says how the officer's messages name it
 * ("before you mark it as sent", "give a reason to send it anyway"), and whether an overridable problem
 * needs a reason: a signatory pack only goes to the office's own signatories, so its warnings are shown, not
 * argued with.
 */
export const READINESS_ACTIONS = ['send-for-signature', 'mark-sent', 'export', 'pack'] as const;
export type ReadinessAction = (typeof READINESS_ACTIONS)[number];

interface ActionWording {
  /** The button, and the confirm button's "… anyway". */
  label: string;
  /** "The letter cannot be … until …" */
  passive: string;
  /** "Give a reason to … anyway" */
  anyway: string;
  takesReason: boolean;
}

export const ACTION_WORDING: Record<ReadinessAction, ActionWording> = {
  'send-for-signature': { label: 'Send for signature', passive: 'sent for signature', anyway: 'send it for signature', takesReason: true },
  'mark-sent': { label: 'Mark as sent', passive: 'marked as sent', anyway: 'send it', takesReason: true },
  export: { label: 'Export as Word', passive: 'exported', anyway: 'export it', takesReason: true },
  pack: { label: 'Make the signatory pack', passive: 'put in a signatory pack', anyway: 'make the pack', takesReason: false },
};
