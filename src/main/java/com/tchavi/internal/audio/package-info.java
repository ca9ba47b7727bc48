/**
 * Private support classes of the audio feature: speech on the executor. Not exported; anything here may change in any release.
 */
package com.tchavi.internal.audio;
