package io.polyclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Polyclinic {
	public static void main(String[] args) {
		SpringApplication.run(Polyclinic.class, args);
	}
}
