/**
 * Private support classes: the SDK's one {@code ObjectMapper} and the unknown-field maps of
 * response records. Knows no feature. Not exported; anything here may change in any release.
 */
package com.tchavi.internal.json;
