package io.polyclinic.notify.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * A bean that exists only when a setting has a value. Unlike {@code @ConditionalOnProperty}, a blank value counts as
 * unset: application.yml maps every provider variable with an empty default ({@code ${POLYCLINIC_SMTP_HOST:}}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(ConditionalOnSetting.OnSetting.class)
@interface ConditionalOnSetting {

	/** The property that must be set, e.g. {@code polyclinic.notify.twilio.account-sid}. */
	String value();

	final class OnSetting implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var attributes = metadata.getAnnotationAttributes(ConditionalOnSetting.class.getName());
			String name = attributes == null ? null : (String) attributes.get("value");
			return name != null && StringUtils.hasText(context.getEnvironment().getProperty(name));
		}
	}
}
