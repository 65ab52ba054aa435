import routes from './routes';
import controllers from './controllers';
import policies from './policies';
import services from './services';

/** Messages: administrators' conversations, through admin-authenticated routes under /messages. */
export default { routes, controllers, policies, services };
