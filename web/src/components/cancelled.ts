/** Thrown when a person backs out of a save (e.g. closes the "reason for the change" dialog). */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
