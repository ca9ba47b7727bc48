/**
 * Private support classes for event streams of any feature: the event-stream parser and the
 * stream of events over one exchange, retried before its first event. Not exported; anything here
 * may change in any release.
 */
package com.tchavi.internal.sse;
