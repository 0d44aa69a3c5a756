/**
 * Stateless bearer-token security: the filter chain, the firewall's refusals, who may read Actuator's figures.
 */
@NullMarked
package io.polyclinic.platform.security;

import org.jspecify.annotations.NullMarked;
