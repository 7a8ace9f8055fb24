/**
 * How a controlled editor reports a change. Typing is coalesced into one undo step per focus session; an
 * action (a button, a choice in a list) is its own step. The editors do not know about the store: whoever binds
 * them to the document decides what a gesture means for the history.
 */
export type Gesture = 'typing' | 'action';

export type ChangeHandler<T> = (next: T, gesture: Gesture) => void;
