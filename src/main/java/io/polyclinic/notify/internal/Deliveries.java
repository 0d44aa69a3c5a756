package io.polyclinic.notify.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Deliveries extends JpaRepository<Delivery, Long>, JpaSpecificationExecutor<Delivery> {
}
