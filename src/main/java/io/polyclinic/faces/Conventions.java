package io.polyclinic.faces;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The conventions a class follows: the {@link FaceConventions} of its package, or of the nearest enclosing package
 * that declares them; the defaults (camelCase, {@code page}/{@code limit}) for classes of no face.
 */
record Conventions(FaceConventions.Naming naming, String pageParameter, String sizeParameter, String cursorParameter,
		int firstPage, int defaultSize, int maxSize, FaceConventions.UnknownProperties unknownProperties) {

	static final Conventions DEFAULT = new Conventions(FaceConventions.Naming.CAMEL_CASE, "page", "limit", "before", 1,
			10, 100, FaceConventions.UnknownProperties.IGNORE);

	private static final Map<String, Conventions> BY_PACKAGE = new ConcurrentHashMap<>();

	static Conventions of(Class<?> type) {
		return BY_PACKAGE.computeIfAbsent(type.getPackageName(), name -> find(type.getClassLoader(), name));
	}

	private static Conventions find(@Nullable ClassLoader loader, String packageName) {
		ClassLoader classes = loader == null ? Conventions.class.getClassLoader() : loader;
		for (String name = packageName; !name.isEmpty(); name = parent(name)) {
			FaceConventions declared = declaredOn(classes, name);
			if (declared != null) {
				return new Conventions(declared.naming(), declared.pageParameter(), declared.sizeParameter(),
						declared.cursorParameter(), declared.firstPage(), declared.defaultSize(), declared.maxSize(),
						declared.unknownProperties());
			}
		}
		return DEFAULT;
	}

	private static @Nullable FaceConventions declaredOn(ClassLoader classes, String packageName) {
		try {
			// a package's annotations live on its package-info class
			return Class.forName(packageName + ".package-info", false, classes).getAnnotation(FaceConventions.class);
		}
		catch (ClassNotFoundException e) {
			return null;
		}
	}

	private static String parent(String packageName) {
		int dot = packageName.lastIndexOf('.');
		return dot < 0 ? "" : packageName.substring(0, dot);
	}
}
