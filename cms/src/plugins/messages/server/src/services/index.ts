import directory from './directory';

export default { directory };
