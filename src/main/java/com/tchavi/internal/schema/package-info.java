/**
 * Private support classes that derive JSON schemas from Java types, for structured outputs and
 * tools, and check schemas against the strict subset. Loaded only when a schema is asked for,
 * never on a chat call's path. Not exported; anything here may change in any release.
 */
package com.tchavi.internal.schema;
