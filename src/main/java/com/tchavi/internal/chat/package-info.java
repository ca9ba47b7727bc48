/**
 * Private support classes of the chat feature: the endpoints on the executor, the chat stream,
 * and the fast request writer and chunk parser with their data-binding twins. Not exported;
 * anything here may change in any release.
 */
package com.tchavi.internal.chat;
