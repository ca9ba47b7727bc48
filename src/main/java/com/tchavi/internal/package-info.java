/**
 * Private support classes for the Tchavi SDK: HTTP, retries, error mapping and JSON. Not exported
 * from the module; anything here may change in any release.
 */
package com.tchavi.internal;
