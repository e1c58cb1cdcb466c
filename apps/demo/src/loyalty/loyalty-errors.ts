import { BadRequestException, NotFoundException } from '@nestjs/common';

export const customerNotFound = (id: string) => new NotFoundException(`No customer ${id} in this shop.`);
export const rewardNotFound = (id: string) => new NotFoundException(`No reward ${id}.`);
export const notEnoughPoints = (balance: number, cost: number) =>
  new BadRequestException(`The customer has ${balance} points; this reward costs ${cost}.`);
