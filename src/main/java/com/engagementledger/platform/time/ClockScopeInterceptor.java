package com.engagementledger.platform.time;

import java.time.Clock;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Binds the application's clock to the thread for a handled message's whole unit of work, commit included, so that
 * the events it applies are stamped by this application's clock ({@link MessageClock}).
 */
public class ClockScopeInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private final Clock clock;

    public ClockScopeInterceptor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Clock previous = MessageClock.bind(clock);
        unitOfWork.onCleanup(done -> MessageClock.restore(previous));
        return chain.proceed();
    }
}
