/**
 * Private support classes of the images feature: its endpoints on the executor, blocking and
 * async. Not exported; anything here may change in any release.
 */
package com.tchavi.internal.images;
