/** Action ids of the /findmentor cards. `request` is handled by the mentor-request feature. */
export const FINDMENTOR_ACTIONS = {
  request: "findmentor_request",
  more: "findmentor_more",
} as const;

/** The "Request" button's value. */
export interface RequestButtonValue {
  mentorId: string;
  programId: string;
}

/** The "More" button's value: the page to show next and the words searched for. */
export interface MoreButtonValue {
  page: number;
  q: string;
}
