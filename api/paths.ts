/** Where the versioned API is mounted: every resource router lives under it. */
export const API_V1_PREFIX = '/api/v1';
