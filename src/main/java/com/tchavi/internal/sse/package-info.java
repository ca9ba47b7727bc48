/**
 * Private support classes for streaming: the event-stream parser, the chunk parser and the
 * {@code ChatStream} implementation. Not exported; anything here may change in any release.
 */
package com.tchavi.internal.sse;
