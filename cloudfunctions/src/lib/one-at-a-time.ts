/**
 * Runs the tasks given one key one after another in this process, in the order given; tasks of other keys are not
 * held. For writes that read a record, then write it on condition that nothing moved (a points balance): on
 * the one-machine stack one process serves every request, and a burst on one record would otherwise read it
 * at once, lose all but one condition, and back off. On Lambda a container serves one request at a time,
 * so nothing waits. Only an optimisation: the conditions still decide.
 */
export const oneAtATime = () => {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return run;
  };
};
